import type { FormFailure, SubmittedValues } from "./form-data";
import {
  addManualExclusion,
  addSeatRule,
  manualCount,
  manualField,
  removeManualExclusion,
  removeSeatRule,
} from "./panel-rules-form";

/**
 * Buttons that change the rules form's shape (add or remove a rule, search a person, exclude one):
 * the server re-renders the form from what was sent, reshaped, so nothing typed is lost, with or
 * without JavaScript.
 */

/** The person search's field; its button sends the same name as its intent. */
export const RULES_SEARCH_FIELD = "personSearch";

export type RulesIntent =
  | { kind: "save" }
  | { kind: "search" }
  | { kind: "addSeatRule" }
  | { kind: "removeSeatRule"; index: number }
  | { kind: "removeManual"; index: number }
  | { kind: "excludePerson"; personId: number };

export type ReshapeIntent = Exclude<RulesIntent, { kind: "save" }>;

/** The buttons' values, as parseRulesIntent reads them back. */
export const rulesIntentValue = {
  /** the hidden default button */
  enter: "enter",
  save: "save",
  search: RULES_SEARCH_FIELD,
  addSeatRule: "addSeatRule",
  removeSeatRule: (index: number) => `removeSeatRule-${index}`,
  removeManual: (index: number) => `removeManual-${index}`,
  excludePerson: (personId: number) => `excludePerson-${personId}`,
};

/** The button pressed, or null for a value no button sends. */
export function parseRulesIntent(intent: unknown, searchText: unknown): RulesIntent | null {
  // Enter in a field presses the hidden default button: it searches when the search field holds text, else it saves
  if (intent === rulesIntentValue.enter)
    return typeof searchText === "string" && searchText.trim() ? { kind: "search" } : { kind: "save" };
  if (intent === rulesIntentValue.save) return { kind: "save" };
  if (intent === rulesIntentValue.search) return { kind: "search" };
  if (intent === rulesIntentValue.addSeatRule) return { kind: "addSeatRule" };
  const [, kind, number] =
    (typeof intent === "string" ? /^(removeSeatRule|removeManual|excludePerson)-(\d+)$/.exec(intent) : null) ?? [];
  if (kind === "removeSeatRule" || kind === "removeManual") return { kind, index: Number(number) };
  if (kind === "excludePerson") return { kind, personId: Number(number) };
  return null;
}

/** What was sent, reshaped as the button asks. */
export function reshapeRulesForm(values: SubmittedValues, intent: ReshapeIntent): SubmittedValues {
  switch (intent.kind) {
    case "search":
      return values;
    case "addSeatRule":
      return addSeatRule(values);
    case "removeSeatRule":
      return removeSeatRule(values, intent.index);
    case "removeManual":
      return removeManualExclusion(values, intent.index);
    case "excludePerson":
      return { ...addManualExclusion(values, intent.personId), [RULES_SEARCH_FIELD]: "" };
  }
}

/** The people the form's manual exclusions name, so the form can show their names. */
export function manualPersonIds(values: SubmittedValues): number[] {
  return Array.from({ length: manualCount(values) }, (_, i) => Number(values[manualField(i, "personId")])).filter(
    Number.isSafeInteger,
  );
}

/** The people a search found, offered to be excluded. */
export interface FoundPeople {
  query: string;
  people: { id: number; title: string; subtitle: string | null }[];
}

/** What the rules page's action answers when it does not redirect. */
export type WaveRulesAnswer =
  | (FormFailure & { kind: "refused" })
  | {
      kind: "reshaped";
      values: SubmittedValues;
      /** new on every round trip, so the form starts again from the values sent back */
      roundTrip: string;
      /** null when the round trip was no search */
      found: FoundPeople | null;
      /** the names of the people on the manual exclusions */
      people: Record<number, string>;
    };

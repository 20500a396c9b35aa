import { foldForComparison } from "./names";
import { positiveIntFrom } from "./list-params";

/**
 * A list filter on one organisation or body out of thousands, chosen by typing its name: a select
 * of every record grows with the network (10 000 options at national scale) and is unusable long
 * before that. Works without JavaScript: the server resolves the typed name on the next request.
 *
 * The URL carries the record's id (`?organisatie=47`, what links and saved searches use) and/or the
 * typed text (`?organisatie_naam=…`). The form sends both: the id keeps a choice among records of
 * the same name, the text wins as soon as it no longer names the chosen record.
 */

export interface NamedChoice {
  id: number;
  name: string;
  /** a short name or abbreviation, also matched and shown */
  shortName: string | null;
}

export interface NamedChoiceQuery {
  id?: number;
  text?: string;
}

export type NamedChoiceResult =
  | { state: "none" }
  | { state: "chosen"; choice: NamedChoice }
  /** nothing by that name (or no record with that id) */
  | { state: "unknown"; text: string }
  /** several records match: the reader picks one; `more` when there are more than shown */
  | { state: "ambiguous"; text: string; choices: NamedChoice[]; more: boolean };

/** How many matching records a filter offers to choose from. */
export const CHOICE_LIMIT = 10;

/** The text parameter that goes with an id parameter: `organisatie` → `organisatie_naam`. */
export const textParam = (idParam: string) => `${idParam}_naam`;

export function namedChoiceFrom(params: URLSearchParams, idParam: string): NamedChoiceQuery {
  const text = params.get(textParam(idParam))?.trim().slice(0, 200);
  return { id: positiveIntFrom(params, idParam), text: text || undefined };
}

const names = (choice: NamedChoice, text: string) => {
  const folded = foldForComparison(text);
  return (
    foldForComparison(choice.name) === folded ||
    (choice.shortName !== null && foldForComparison(choice.shortName) === folded)
  );
};

/**
 * What the filter comes to, given the record with the asked id (if any) and the records whose name
 * contains the text (at most CHOICE_LIMIT + 1, those named exactly first).
 */
export function resolveNamedChoice(
  query: NamedChoiceQuery,
  byId: NamedChoice | undefined,
  matches: readonly NamedChoice[],
): NamedChoiceResult {
  const { text } = query;
  if (text === undefined) {
    if (query.id === undefined) return { state: "none" };
    return byId ? { state: "chosen", choice: byId } : { state: "unknown", text: `#${query.id}` };
  }
  if (byId && names(byId, text)) return { state: "chosen", choice: byId };
  const exact = matches.filter((match) => names(match, text));
  if (exact.length === 1) return { state: "chosen", choice: exact[0]! };
  if (matches.length === 1) return { state: "chosen", choice: matches[0]! };
  if (matches.length === 0) return { state: "unknown", text };
  return {
    state: "ambiguous",
    text,
    choices: matches.slice(0, CHOICE_LIMIT),
    more: matches.length > CHOICE_LIMIT,
  };
}

/** The id to filter on, if the filter came to one record. */
export const chosenId = (result: NamedChoiceResult) => (result.state === "chosen" ? result.choice.id : undefined);

/** "Bestuurlijke Regiegroep (BRGZL)". */
export const choiceLabel = (choice: NamedChoice) =>
  choice.shortName ? `${choice.name} (${choice.shortName})` : choice.name;

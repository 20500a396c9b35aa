import { z } from "zod";
import type { ConcurrentChange, FormFailure, SubmittedValues } from "./form-data";
import type { MessageKey } from "../i18n/keys";

/**
 * Choosing a person and an organisation in the seat forms by searching, not from a list of the
 * whole register (50 000 people would not fit in a select). The search is a round trip that
 * works without JavaScript: the form is posted with a search button, the action answers with
 * what was typed plus what it found, and the page shows the results as choices. Shared by the
 * browser and the server.
 */

/** The text field holding a person's name to look for. */
export const PERSON_QUERY = "persoon_zoeken";
/** The text field holding an organisation's name to look for. */
export const ORGANISATION_QUERY = "organisatie_zoeken";
/** The name of the search buttons; their value says what to look for. */
export const SEARCH_BUTTON = "zoeken";
/** The value of the form's hidden default button, pressed by Enter in a text field. */
export const ENTER = "enter";

export type SearchKind = "person" | "organisation";

const QUERY_OF: Record<SearchKind, string> = { person: PERSON_QUERY, organisation: ORGANISATION_QUERY };
const BUTTON_VALUE: Record<SearchKind, string> = { person: "persoon", organisation: "organisatie" };

export const searchButtonValue = (kind: SearchKind) => BUTTON_VALUE[kind];
export const queryField = (kind: SearchKind) => QUERY_OF[kind];

export interface SearchRequest {
  kind: SearchKind;
  query: string;
}

type Values = Record<string, string | string[] | undefined>;
const textOf = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? (value[0] ?? "") : (value ?? "")).trim();

/**
 * The search a posted form asks for, or null when it asks to save. A search button searches
 * its field; Enter (the hidden default button) searches the person's field when it holds text,
 * else the organisation's, and saves when both are empty.
 */
export function searchAsked(values: Values): SearchRequest | null {
  const button = textOf(values[SEARCH_BUTTON]);
  const kinds: SearchKind[] =
    button === ENTER
      ? ["person", "organisation"]
      : (["person", "organisation"] as const).filter((kind) => BUTTON_VALUE[kind] === button);
  for (const kind of kinds) {
    const query = textOf(values[QUERY_OF[kind]]);
    if (query) return { kind, query };
  }
  // a search button pressed with an empty field: nothing to look for, so the form comes back as it was
  return button && button !== ENTER ? { kind: kinds[0] ?? "person", query: "" } : null;
}

/** The form as a search brings it back: as posted, without the search button, the searched field emptied for the next search. */
export function valuesAfterSearch(values: SubmittedValues, search: SearchRequest): SubmittedValues {
  const { [SEARCH_BUTTON]: _button, ...kept } = values;
  return { ...kept, [queryField(search.kind)]: "" };
}

/** A person offered as a choice, with the organisations they work for (their jobs) on the day. */
export interface PersonOption {
  id: number;
  name: string;
  organisations: { id: number; name: string }[];
}

export interface OrganisationOption {
  id: number;
  name: string;
  archived: boolean;
}

/** The choices a seat form offers after a round trip: what was chosen so far and what the last search found. */
export interface SeatChoices {
  people: PersonOption[];
  organisations: OrganisationOption[];
  found: { kind: SearchKind; query: string; ids: number[] } | null;
}

export const NO_CHOICES: SeatChoices = { people: [], organisations: [], found: null };

/** What a seat form has chosen so far (null: nothing yet), offered again after a round trip, with the people's jobs on `onDay`. */
export interface ChosenSoFar {
  personIds: (number | null)[];
  organisationIds: (number | null)[];
  onDay: string;
}

/**
 * A seat form's answer to a search: the form as it was (valuesAfterSearch) with what it offers now.
 * `roundTrip` is new with every search: the key that renders the form anew with these values.
 */
export interface SearchedAnswer {
  kind: "searched";
  ok: true;
  values: SubmittedValues;
  choices: SeatChoices;
  roundTrip: string;
}

/** A seat form's answer to a refused save: what was typed and why, with what the form offers again (null: no choices). */
export type RefusedAnswer<C extends SeatChoices | null = SeatChoices> = FormFailure & {
  kind: "refused";
  choices: C;
  roundTrip: null;
};

/** The id in a form value, if it holds one. */
export function idIn(value: string | string[] | undefined | null): number | null {
  const text = textOf(value ?? undefined);
  return /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : null;
}

/**
 * The organisations a seat can be held on behalf of, as the select offers them: the jobs of the
 * chosen person (of every person on offer while none is chosen, named with the person), then the
 * organisations found or chosen before. Each organisation once.
 */
export function organisationOptions(
  choices: SeatChoices,
  pickedPersonId: number | null,
  archivedLabel: (name: string) => string,
): { value: string; label: string }[] {
  const picked = choices.people.find((person) => person.id === pickedPersonId);
  const holders = new Map<number, { name: string; people: string[] }>();
  for (const person of picked ? [picked] : choices.people) {
    for (const organisation of person.organisations) {
      const entry = holders.get(organisation.id) ?? { name: organisation.name, people: [] };
      entry.people.push(person.name);
      holders.set(organisation.id, entry);
    }
  }
  const options = [...holders].map(([id, { name, people }]) => ({
    value: String(id),
    label: picked ? name : `${name} (${people.join(", ")})`,
  }));
  for (const organisation of choices.organisations) {
    if (holders.has(organisation.id)) continue;
    options.push({
      value: String(organisation.id),
      label: organisation.archived ? archivedLabel(organisation.name) : organisation.name,
    });
  }
  return options;
}

/** The organisations another editor's changes name, so that the conflict notice can name them too. */
export function organisationsNamedIn(changes: readonly ConcurrentChange[]): number[] {
  return changes.flatMap((change) =>
    change.fields
      .filter((f) => f.field === "organisation_id")
      .flatMap((f) => [idIn(f.before), idIn(f.after)].filter((id) => id !== null)),
  );
}

/** The id of a person or organisation that must be chosen, with the message that says how. */
export function chosenId(message: MessageKey) {
  return z
    .string({ error: message })
    .regex(/^[1-9]\d*$/, message)
    .transform(Number);
}

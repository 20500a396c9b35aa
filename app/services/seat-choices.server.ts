import { json, type TypedResponse } from "@remix-run/node";
import type { DB } from "../../db/index";
import type { Language } from "../../db/schema";
import { StaleVersionError } from "../models/editing.server";
import { seatChoices } from "../models/seats.server";
import { type FormFailure, type SubmittedValues, submittedValues } from "./form-data";
import { readableRefusal } from "./readable-refusal.server";
import { refusalResponse } from "./refusal.server";
import {
  type ChosenSoFar,
  organisationsNamedIn,
  type RefusedAnswer,
  type SearchedAnswer,
  searchAsked,
  type SearchRequest,
  type SeatChoices,
  valuesAfterSearch,
} from "./seat-choices";

/**
 * The people and organisations a seat form offers: those chosen so far, those a search found, and
 * `namedOrganisationIds` (organisations a refusal names).
 */
export function offeredChoices(
  db: DB,
  chosen: ChosenSoFar,
  language: Language,
  search: SearchRequest | null = null,
  namedOrganisationIds: readonly number[] = [],
): Promise<SeatChoices> {
  const known = (ids: (number | null)[]) => ids.filter((id) => id !== null);
  return seatChoices(db, {
    personIds: known(chosen.personIds),
    organisationIds: [...known(chosen.organisationIds), ...namedOrganisationIds],
    search,
    onDay: chosen.onDay,
    language,
  });
}

/** The answers of a seat form when nothing is saved, each with what the form offers again (see seatFormAnswers). */
export interface SeatFormAnswers<C extends SeatChoices | null, X> {
  /** The answer to the search the form asks for; null when it asks to save. */
  searched: (() => Promise<TypedResponse<SearchedAnswer & X>>) | null;
  /** The answer to a form its schema refused. */
  invalid: (failure: FormFailure) => Promise<TypedResponse<RefusedAnswer<C> & X>>;
  /** The answer to a save the model refused; anything else is thrown on (see refusalResponse). */
  refused: (error: unknown) => Promise<TypedResponse<RefusedAnswer<C> & X>>;
}

/**
 * A seat form's answers other than a save: its search round trip (see seat-choices.ts) and its
 * refusals. Each brings back what the form has chosen so far (`chosenIn` its posted values; null
 * for a form that chooses nothing, which never searches and offers no choices); `extra` travels
 * along in every answer (the seat page's intent, so the page knows which form it was).
 */
export function seatFormAnswers<X extends Record<string, unknown>>(
  db: DB,
  formData: FormData,
  language: Language,
  chosenIn: (values: SubmittedValues) => ChosenSoFar,
  extra: X,
): SeatFormAnswers<SeatChoices, X>;
export function seatFormAnswers<X extends Record<string, unknown>>(
  db: DB,
  formData: FormData,
  language: Language,
  chosenIn: ((values: SubmittedValues) => ChosenSoFar) | null,
  extra: X,
): SeatFormAnswers<SeatChoices | null, X>;
export function seatFormAnswers<X extends Record<string, unknown>>(
  db: DB,
  formData: FormData,
  language: Language,
  chosenIn: ((values: SubmittedValues) => ChosenSoFar) | null,
  extra: X,
): SeatFormAnswers<SeatChoices | null, X> {
  const values = submittedValues(formData);
  const chosen = chosenIn && chosenIn(values);
  const offered = (namedOrganisationIds: readonly number[] = []) =>
    chosen ? offeredChoices(db, chosen, language, null, namedOrganisationIds) : Promise.resolve(null);
  const search = chosen ? searchAsked(values) : null;
  return {
    searched:
      chosen && search
        ? async () =>
            json({
              kind: "searched" as const,
              ok: true as const,
              ...extra,
              values: valuesAfterSearch(values, search),
              choices: await offeredChoices(db, chosen, language, search),
              roundTrip: crypto.randomUUID(),
            })
        : null,
    invalid: async (failure) =>
      json(
        { ...failure, kind: "refused" as const, ...extra, choices: await offered(), roundTrip: null },
        { status: 400 },
      ),
    refused: async (error) => {
      // the organisations another editor's change mentions, to name them in the conflict notice
      const named = error instanceof StaleVersionError ? organisationsNamedIn(error.changes) : [];
      return refusalResponse(readableRefusal(error, language), formData, {
        kind: "refused" as const,
        ...extra,
        choices: await offered(named),
        roundTrip: null,
      });
    },
  };
}

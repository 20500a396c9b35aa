import type { AttendanceStatus } from "../../db/schema";
import type { AttendanceLine, AttendanceSheet, PersonChoice } from "../models/attendance.server";
import { fieldText, isMemberStatus, listedPeople, statusField, substituteField } from "./attendance-form";
import type { ConcurrentChange, FormErrors, SubmittedValues } from "./form-data";

/**
 * The attendance register between posts (app/routes/vergaderingen.$meetingId_.presentie.tsx):
 * what the action answers to a post that did not save, and the register the page shows from it.
 */

/** A search the page shows under its field: what was asked and who was found. */
export interface SearchAnswer {
  query: string;
  results: PersonChoice[];
}

/** Names of the people a register being filled in mentions, by id, with the organisation a guest comes for. */
type NamedPeople = Record<number, { name: string; organisation: string | null }>;

/**
 * The register as it was being filled in (so nothing chosen is lost), plus names of people it
 * mentions that the stored register does not, and the searches just done. `round` changes with
 * each answer, so search fields empty after use.
 */
export interface RegisterDraft {
  values: SubmittedValues;
  people: NamedPeople;
  searches: Record<string, SearchAnswer>;
  round: number;
}

/**
 * The action's answer to every post that is not a save that worked: the register again after a
 * search or a change of the list ("draft"), or with the reasons it was not saved ("refused").
 */
export type RegisterAnswer =
  | (RegisterDraft & { kind: "draft" })
  | (RegisterDraft & { kind: "refused"; errors: FormErrors; conflict?: ConcurrentChange[] });

/** One row of the form as the page shows it: the stored line with what is being filled in. */
export interface DraftRow {
  line: AttendanceLine;
  status: AttendanceStatus | null;
  substitute: { id: number; name: string } | null;
}

export interface DraftGuest {
  id: number;
  name: string;
  organisation: string | null;
}

type SheetLines = Pick<AttendanceSheet, "members" | "guests">;

/** The register as the page shows it: stored, or as the last answer of the action left it. */
export function draftRegister(
  sheet: SheetLines,
  answer: Pick<RegisterDraft, "values" | "people"> | undefined,
): { rows: DraftRow[]; guests: DraftGuest[] } {
  if (!answer) return storedRegister(sheet);
  const { values, people } = answer;
  const listed = listedPeople(values);
  const nameOf = (id: number) =>
    people[id]?.name ??
    [...sheet.members, ...sheet.guests].find((line) => line.person_id === id)?.name ??
    sheet.members.find((line) => line.substitute_person_id === id)?.substitute_name ??
    String(id);
  const rows = listed.members.flatMap((id): DraftRow[] => {
    const line = sheet.members.find((member) => member.person_id === id);
    if (!line) return [];
    const status = fieldText(values[statusField(id)]);
    const substituteId = Number(fieldText(values[substituteField(id)]));
    return [
      {
        line,
        status: isMemberStatus(status) ? status : null,
        substitute: substituteId > 0 ? { id: substituteId, name: nameOf(substituteId) } : null,
      },
    ];
  });
  const guests = listed.guests.map((id) => ({
    id,
    name: nameOf(id),
    organisation:
      people[id]?.organisation ?? sheet.guests.find((line) => line.person_id === id)?.organisation_name ?? null,
  }));
  return { rows, guests };
}

function storedRegister(sheet: SheetLines): { rows: DraftRow[]; guests: DraftGuest[] } {
  return {
    rows: sheet.members.map((line) => ({
      line,
      status: line.status,
      substitute:
        line.substitute_person_id === null ? null : { id: line.substitute_person_id, name: line.substitute_name ?? "" },
    })),
    guests: sheet.guests.map((line) => ({ id: line.person_id, name: line.name, organisation: line.organisation_name })),
  };
}

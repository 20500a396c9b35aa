import type { Trx } from "./audit.server";
import { displayName } from "../services/names";

/**
 * A meeting's attendance register as the meeting's audit entry shows it: one field per person
 * ("Anna de Vries (12)": "aanwezig", or "vervangen door Piet Jansen (40)"), so the log's
 * before/after comparison, and the list of concurrent changes, read as who changed from what to
 * what. Used wherever the register changes: saving it, and clearing it when a meeting moves.
 */
export async function registerFields(trx: Trx, meetingId: number): Promise<Record<string, string>> {
  const rows = await trx
    .selectFrom("attendance")
    .select(["person_id", "status", "substitute_person_id"])
    .where("meeting_id", "=", meetingId)
    .orderBy("id")
    .execute();
  const ids = [...new Set(rows.flatMap((row) => [row.person_id, row.substitute_person_id ?? row.person_id]))];
  const people =
    ids.length === 0
      ? []
      : await trx
          .selectFrom("people")
          .select(["id", "first_name", "infix", "last_name", "initials", "title"])
          .where("id", "in", ids)
          .execute();
  const names = new Map(people.map((person) => [person.id, displayName(person)]));
  const label = (id: number) => `${names.get(id) ?? "?"} (${id})`;
  return Object.fromEntries(
    rows.map((row) => [
      label(row.person_id),
      row.substitute_person_id === null ? row.status : `${row.status} door ${label(row.substitute_person_id)}`,
    ]),
  );
}

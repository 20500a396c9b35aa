import type { Insertable, Selectable } from "kysely";
import type { DB } from "../../db/index";
import type { AttendanceTable, MeetingsTable } from "../../db/schema";
import { defaultRegionId } from "./db";

/** Inserts a meeting row directly (no audit entry): for tests that need meetings as given data. */
export async function makeMeeting(
  db: DB,
  values: Partial<Insertable<MeetingsTable>> & { date: string },
): Promise<Selectable<MeetingsTable>> {
  const kind = values.kind ?? "vergadering";
  return db
    .insertInto("meetings")
    .values({
      region_id: await defaultRegionId(db),
      kind,
      title: values.title ?? (kind === "vergadering" ? "Vergadering" : "Netwerkbijeenkomst"),
      status: values.status ?? "gehouden",
      start_time: "14:00",
      end_time: "16:00",
      ...values,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Inserts one attendance row directly (no audit entry). */
export async function makeAttendance(
  db: DB,
  values: Insertable<AttendanceTable>,
): Promise<Selectable<AttendanceTable>> {
  return db.insertInto("attendance").values(values).returningAll().executeTakeFirstOrThrow();
}

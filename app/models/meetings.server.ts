import type { Selectable } from "kysely";
import type { DB } from "../../db/index";
import type { ClockTime, IsoDate, MeetingKind, MeetingsTable, MeetingStatus } from "../../db/schema";
import { messageKey } from "../services/form-data";
import type { Actor, Trx } from "./audit.server";
import { inTransaction, insertAudited, RecordNotFoundError, RegisterError } from "./editing.server";

/**
 * Meetings: occurrences of a body, or network-wide events that belong to no single body.
 * Their date and times are wall-clock values in Europe/Amsterdam.
 */
export type Meeting = Selectable<MeetingsTable>;

export interface MeetingFields {
  title: string;
  date: IsoDate;
  start_time: ClockTime | null;
  end_time: ClockTime | null;
  location: string | null;
  online_url: string | null;
  agenda: string | null;
  minutes: string | null;
}

export interface NewBodyMeeting extends MeetingFields {
  body_id: number;
  status?: MeetingStatus;
  series_id?: number | null;
}

/** Refuses an end time that is not after the start time. */
export function assertMeetingTimes(fields: Pick<MeetingFields, "start_time" | "end_time">) {
  if (fields.start_time && fields.end_time && fields.end_time <= fields.start_time) {
    throw new RegisterError("meetings.errors.endBeforeStart", "end_time");
  }
}

/** A body meets only while it exists and is not archived: refuses a date outside its active period. */
export async function assertWithinBodyPeriod(trx: Trx | DB, bodyId: number, date: IsoDate, field = "date") {
  const body = await trx
    .selectFrom("bodies")
    .select(["id", "name", "active_from", "active_to", "archived_at"])
    .where("id", "=", bodyId)
    .executeTakeFirst();
  if (!body) throw new RecordNotFoundError("bodies", bodyId);
  if (body.archived_at) throw new RegisterError(messageKey("bodies.errors.bodyArchived", { body: body.name }));
  if ((body.active_from && date < body.active_from) || (body.active_to && date > body.active_to)) {
    throw new RegisterError(
      messageKey("meetings.errors.outsideBodyPeriod", {
        body: body.name,
        from: body.active_from ?? "",
        to: body.active_to ?? "",
      }),
      field,
    );
  }
}

/** Plans (or records after the fact) one meeting of a body. */
export async function createBodyMeeting(db: DB, actor: Actor, fields: NewBodyMeeting): Promise<Meeting> {
  assertMeetingTimes(fields);
  return inTransaction(db, async (trx) => {
    await assertWithinBodyPeriod(trx, fields.body_id, fields.date);
    return insertAudited(trx, actor, "meetings", { ...fields, kind: "vergadering" satisfies MeetingKind });
  });
}

/** A meeting with what its pages show about the body (null for a network-wide event). */
export async function getMeeting(db: DB | Trx, id: number) {
  return db
    .selectFrom("meetings")
    .leftJoin("bodies", "bodies.id", "meetings.body_id")
    .selectAll("meetings")
    .select([
      "bodies.name as body_name",
      "bodies.abbreviation as body_abbreviation",
      "bodies.level as body_level",
      "bodies.active_from as body_active_from",
      "bodies.active_to as body_active_to",
    ])
    .where("meetings.id", "=", id)
    .executeTakeFirst();
}

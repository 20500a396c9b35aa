import { idList } from "../../db/dialect";
import type { Selectable } from "kysely";
import type { DB } from "../../db/index";
import type { ClockTime, IsoDate, MeetingKind, MeetingSeriesTable } from "../../db/schema";
import { messageKey } from "../services/form-data";
import {
  buildRule,
  occurrences,
  parseRRule,
  RecurrenceError,
  type RecurrenceRule,
  type RuleFields,
  toRRule,
} from "../services/recurrence";
import { type Actor, recordAudit, type Trx } from "./audit.server";
import { inTransaction, insertAudited, RecordNotFoundError, RegisterError } from "./editing.server";
import { assertMeetingTimes, assertWithinBodyPeriod, type Meeting } from "./meetings.server";

/**
 * Series of meetings planned at once ("every second Tuesday, six times a year"). The series keeps
 * its rule (RRULE text) and first day; each occurrence is an ordinary meeting afterwards, edited,
 * moved or cancelled on its own.
 */

export type MeetingSeries = Selectable<MeetingSeriesTable>;

/** What the planner asks: the rule in the form's terms, the first date, and what every meeting gets. */
export interface SeriesInput extends RuleFields {
  first_date: IsoDate;
  /** null: the body's name */
  title: string | null;
  start_time: ClockTime;
  end_time: ClockTime;
  location: string | null;
  online_url: string | null;
}

export interface PlannedDay {
  date: IsoDate;
  /** the body does not exist yet or any more on that day: creating the series would be refused */
  outsideBodyPeriod: boolean;
}

interface SeriesBody {
  id: number;
  name: string;
  active_from: IsoDate | null;
  active_to: IsoDate | null;
  region_id: number;
}

/** The rule and its days, a rule that cannot be planned refused as a RegisterError on its field. */
function plannedDays(input: SeriesInput): { rule: RecurrenceRule; days: IsoDate[] } {
  try {
    const rule = buildRule(input);
    return { rule, days: occurrences(rule, input.first_date) };
  } catch (error) {
    if (error instanceof RecurrenceError) throw new RegisterError(error.messageKey, error.field);
    throw error;
  }
}

async function seriesBody(db: DB | Trx, bodyId: number): Promise<SeriesBody> {
  const body = await db
    .selectFrom("bodies")
    .select(["id", "name", "active_from", "active_to", "region_id"])
    .where("id", "=", bodyId)
    .executeTakeFirst();
  if (!body) throw new RecordNotFoundError("bodies", bodyId);
  return body;
}

const outsidePeriod = (body: SeriesBody, day: IsoDate) =>
  (body.active_from !== null && day < body.active_from) || (body.active_to !== null && day > body.active_to);

/** Names every day the body does not exist on, and the period it does. */
function outsidePeriodError(body: SeriesBody, days: IsoDate[]): RegisterError {
  const values = { body: body.name, dates: days.join(", "), count: days.length };
  if (body.active_from && body.active_to) {
    return new RegisterError(
      messageKey("meetingSeries.errors.outsidePeriod.fromTo", {
        ...values,
        from: body.active_from,
        to: body.active_to,
      }),
    );
  }
  if (body.active_from)
    return new RegisterError(
      messageKey("meetingSeries.errors.outsidePeriod.from", { ...values, from: body.active_from }),
    );
  return new RegisterError(
    messageKey("meetingSeries.errors.outsidePeriod.to", { ...values, to: body.active_to ?? "" }),
  );
}

/** The days a series would fall on, each marked when the body is not active then; nothing is saved. */
export async function previewSeries(db: DB, bodyId: number, input: SeriesInput) {
  const body = await seriesBody(db, bodyId);
  const { rule, days } = plannedDays(input);
  return {
    body,
    rule,
    rrule: toRRule(rule),
    days: days.map((date): PlannedDay => ({ date, outsideBodyPeriod: outsidePeriod(body, date) })),
  };
}

/**
 * Plans the series in one transaction: the series row and one meeting (status gepland) per day,
 * each logged. Refused as a whole when a day falls outside the body's active period (naming the
 * days) or the end time is not after the start time.
 */
export async function createSeries(
  db: DB,
  actor: Actor,
  bodyId: number,
  input: SeriesInput,
): Promise<{ series: MeetingSeries; meetings: Meeting[] }> {
  assertMeetingTimes(input);
  const { rule, days } = plannedDays(input);
  return inTransaction(db, async (trx) => {
    const body = await seriesBody(trx, bodyId);
    const outside = days.filter((day) => outsidePeriod(body, day));
    if (outside.length > 0) throw outsidePeriodError(body, outside);
    // the rule every single meeting obeys (an archived body, too) holds for each occurrence
    for (const day of days) await assertWithinBodyPeriod(trx, bodyId, day);

    const series = await trx
      .insertInto("meeting_series")
      .values({ body_id: bodyId, rule: toRRule(rule), first_date: days[0]! })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: "create", entity: "meeting_series", entityId: series.id, after: series });
    const meetings: Meeting[] = [];
    for (const date of days) {
      meetings.push(
        await insertAudited(trx, actor, "meetings", {
          body_id: bodyId,
          region_id: body.region_id,
          series_id: series.id,
          kind: "vergadering" satisfies MeetingKind,
          title: input.title ?? body.name,
          date,
          start_time: input.start_time,
          end_time: input.end_time,
          location: input.location,
          online_url: input.online_url,
          status: "gepland",
          agenda: null,
          minutes: null,
        }),
      );
    }
    return { series, meetings };
  });
}

/** A series with its rule read back, its body, and its meetings as they are now (each may have been changed since). */
export async function getSeries(db: DB, id: number) {
  const series = await db
    .selectFrom("meeting_series")
    .leftJoin("bodies", "bodies.id", "meeting_series.body_id")
    .selectAll("meeting_series")
    .select(["bodies.name as body_name"])
    .where("meeting_series.id", "=", id)
    .executeTakeFirst();
  if (!series) return null;
  const meetings = await db
    .selectFrom("meetings")
    .select(["id", "title", "date", "start_time", "end_time", "status"])
    .where("series_id", "=", id)
    .orderBy("date")
    .orderBy("id")
    .execute();
  return { ...series, parsedRule: parseRRule(series.rule), meetings };
}

/** The bodies a series can be planned for: those not archived, by name, with their active period. */
export async function seriesBodyChoices(db: DB, regionIds: readonly number[]) {
  return db
    .selectFrom("bodies")
    .select(["id", "name", "abbreviation", "active_from", "active_to"])
    .where("archived_at", "is", null)
    .where("region_id", "in", idList(db, regionIds.length > 0 ? [...regionIds] : [0]))
    .orderBy("name")
    .execute();
}

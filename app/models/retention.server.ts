import { type ExpressionBuilder, sql } from "kysely";
import { idList } from "../../db/dialect";
import type { DB } from "../../db/index";
import type { Database, IsoDate } from "../../db/schema";
import { paging } from "../services/list-params";
import type { ReviewRow, SelectedPerson } from "../services/retention";
import type { Actor, Trx } from "./audit.server";
import { inTransaction } from "./editing.server";
import { archivePersonIn } from "./people.server";

/**
 * The retention review: people whose last job or seat ended before the cutoff (the retention period
 * before today), and people who never had one and were entered before it. The reviewer archives or
 * erases them in bulk; both re-check here that the people chosen are still due, as they were shown.
 */

export interface ReviewCriteria {
  /** the day the retention period goes back to: whatever ended before it is due */
  cutoff: IsoDate;
  /** today in Europe/Amsterdam: a job or seat ending today or later is still held */
  today: IsoDate;
  includeArchived: boolean;
}

/** The day far after any real one, standing in for "not ended" so that one max() tells both apart. */
const NOT_ENDED = "9999-12-31";

/**
 * Per person who ever had a job or seat, the day the last of them ended; NOT_ENDED while one still
 * runs (no end, or an end today or later). One pass over both tables, grouped.
 */
function lastEnds(db: DB | Trx, today: IsoDate) {
  const endOrOngoing = (end: string) =>
    sql<string>`case when ${sql.ref(end)} is null or ${sql.ref(end)} >= ${today} then ${NOT_ENDED} else ${sql.ref(end)} end`;
  const held = db
    .selectFrom("affiliations")
    .select((eb) => [
      eb.ref("affiliations.person_id").as("person_id"),
      endOrOngoing("affiliations.end_date").as("ended"),
    ])
    .unionAll(
      db
        .selectFrom("seats")
        .where("seats.person_id", "is not", null)
        .select((eb) => [
          eb.ref("seats.person_id").$notNull().as("person_id"),
          endOrOngoing("seats.end_date").as("ended"),
        ]),
    );
  return db
    .selectFrom(held.as("held"))
    .select((eb) => ["held.person_id", eb.fn.max("held.ended").as("last_end")])
    .groupBy("held.person_id");
}

/** The people due for review, with their last end (null: never a job or seat), before paging. */
function dueQuery(db: DB | Trx, criteria: ReviewCriteria) {
  return (
    db
      .selectFrom("people")
      .leftJoin(lastEnds(db, criteria.today).as("ends"), "ends.person_id", "people.id")
      .where((eb) =>
        eb.or([
          eb.and([eb("ends.person_id", "is", null), eb("people.created_at", "<", criteria.cutoff)]),
          eb("ends.last_end", "<", criteria.cutoff),
        ]),
      )
      // a merged duplicate has no data of its own left to review: it lives on in its survivor
      .where("people.merged_into_id", "is", null)
      .$if(!criteria.includeArchived, (query) => query.where("people.archived_at", "is", null))
  );
}

type PeopleRow = ExpressionBuilder<Database & { people: Database["people"] }, "people">;

/** The organisation of the job that ended last, the body of the seat that ended last (the row's person). */
const lastOrganisation = (eb: PeopleRow) =>
  eb
    .selectFrom("affiliations")
    .innerJoin("organisations", "organisations.id", "affiliations.organisation_id")
    .whereRef("affiliations.person_id", "=", "people.id")
    .select("organisations.name")
    .orderBy("affiliations.end_date", "desc")
    .orderBy("affiliations.id", "desc")
    .limit(1);

const lastBody = (eb: PeopleRow) =>
  eb
    .selectFrom("seats")
    .innerJoin("bodies", "bodies.id", "seats.body_id")
    .whereRef("seats.person_id", "=", "people.id")
    .select("bodies.name")
    .orderBy("seats.end_date", "desc")
    .orderBy("seats.id", "desc")
    .limit(1);

/** Whether the person is a member of a frozen panel: erasure leaves them there as "verwijderde persoon". */
const inFrozenPanel = (eb: PeopleRow) =>
  eb.exists(
    eb
      .selectFrom("panel_members")
      .innerJoin("survey_waves", "survey_waves.id", "panel_members.wave_id")
      .whereRef("panel_members.person_id", "=", "people.id")
      .where("survey_waves.status", "<>", "draft")
      .select(sql.lit(1).as("one")),
  );

function reviewRows(db: DB | Trx, criteria: ReviewCriteria) {
  return dueQuery(db, criteria)
    .select((eb) => [
      "people.id",
      "people.version",
      "people.first_name",
      "people.infix",
      "people.last_name",
      "people.initials",
      "people.title",
      "people.archived_at",
      "ends.last_end",
      lastOrganisation(eb).as("last_organisation"),
      lastBody(eb).as("last_body"),
      inFrozenPanel(eb).as("in_frozen_panel"),
    ])
    .orderBy(sql`coalesce(${sql.ref("ends.last_end")}, substr(${sql.ref("people.created_at")}, 1, 10))`)
    .orderBy("people.id");
}

type RawReviewRow = Awaited<ReturnType<ReturnType<typeof reviewRows>["execute"]>>[number];

const shown = (row: RawReviewRow): ReviewRow => ({
  id: row.id,
  version: row.version,
  first_name: row.first_name,
  infix: row.infix,
  last_name: row.last_name,
  initials: row.initials,
  title: row.title,
  archived: row.archived_at !== null,
  lastEnd: row.last_end ?? null,
  lastOrganisation: row.last_organisation ?? null,
  lastBody: row.last_body ?? null,
  inFrozenPanel: Boolean(row.in_frozen_panel),
});

/** One page of the people due for review, the longest gone first, and how many there are. */
export async function peopleForReview(db: DB, criteria: ReviewCriteria, page: number) {
  const { total } = await dueQuery(db, criteria)
    .select((eb) => eb.fn.countAll<number | string>().as("total"))
    .executeTakeFirstOrThrow();
  const pages = paging(Number(total), page);
  if (pages.total === 0) return { rows: [], page: pages };
  const rows = await reviewRows(db, criteria).limit(pages.limit).offset(pages.offset).execute();
  return { rows: rows.map(shown), page: pages };
}

/** Of the people chosen, those still due as the criteria say, as they are now (for the confirmation page). */
export async function chosenForReview(
  db: DB | Trx,
  criteria: ReviewCriteria,
  chosen: readonly SelectedPerson[],
): Promise<ReviewRow[]> {
  if (chosen.length === 0) return [];
  const rows = await reviewRows(db, criteria)
    .where(
      "people.id",
      "in",
      idList(
        db,
        chosen.map((person) => person.id),
      ),
    )
    .execute();
  return rows.map(shown);
}

/**
 * The chosen people who are no longer as the reviewer confirmed them: edited since (another
 * version), or no longer due (a new job or seat, archived or erased meanwhile).
 */
export function changedSince(chosen: readonly SelectedPerson[], due: readonly ReviewRow[]): SelectedPerson[] {
  const now = new Map(due.map((row) => [row.id, row.version]));
  return chosen.filter((person) => now.get(person.id) !== person.version);
}

/** Some chosen people changed since the confirmation page showed them: nothing was done. */
export class ChosenPeopleChangedError extends Error {
  constructor(readonly changed: readonly SelectedPerson[]) {
    super(`${changed.length} chosen people changed since they were confirmed`);
    this.name = "ChosenPeopleChangedError";
  }
}

/**
 * Archives the chosen people in one transaction, each audited as archivePerson does. When any of
 * them changed since the reviewer confirmed (see changedSince), nobody is archived.
 */
export async function archiveForRetention(
  db: DB,
  actor: Actor,
  criteria: ReviewCriteria,
  chosen: readonly SelectedPerson[],
): Promise<number> {
  const unarchived = { ...criteria, includeArchived: false };
  return inTransaction(db, async (trx) => {
    const changed = changedSince(chosen, await chosenForReview(trx, unarchived, chosen));
    if (changed.length > 0) throw new ChosenPeopleChangedError(changed);
    for (const person of chosen) await archivePersonIn(trx, actor, person.id, person.version);
    return chosen.length;
  });
}

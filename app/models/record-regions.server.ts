import { type Expression, expressionBuilder, type SqlBool } from "kysely";
import type { DB } from "../../db/index";
import type { Database } from "../../db/schema";
import { todayInAmsterdam } from "../i18n/format";

/**
 * The region of one record, for the gate of the pages about it (decision 044) — or, for a person or
 * an organisation, its regions (decision 047): undefined when there is no such record, so the page
 * answers 404 as before; null for a network-wide record (a survey wave over every region, decision
 * 046), which only a network-wide role reaches. One small statement by primary key each.
 */
export type RegionOfRecord = (db: DB) => Promise<number | null | PartyRegions | undefined>;

export const regionOfBody =
  (id: number): RegionOfRecord =>
  async (db) =>
    (await db.selectFrom("bodies").select("region_id").where("id", "=", id).executeTakeFirst())?.region_id;

export const regionOfTheme =
  (id: number): RegionOfRecord =>
  async (db) =>
    (await db.selectFrom("themes").select("region_id").where("id", "=", id).executeTakeFirst())?.region_id;

export const regionOfPlan =
  (id: number): RegionOfRecord =>
  async (db) =>
    (await db.selectFrom("plans").select("region_id").where("id", "=", id).executeTakeFirst())?.region_id;

/** A meeting carries its body's region (decision 040), so no join. */
export const regionOfMeeting =
  (id: number): RegionOfRecord =>
  async (db) =>
    (await db.selectFrom("meetings").select("region_id").where("id", "=", id).executeTakeFirst())?.region_id;

/** A seat is in its body's region. */
export const regionOfSeat =
  (id: number): RegionOfRecord =>
  async (db) =>
    (
      await db
        .selectFrom("seats")
        .innerJoin("bodies", "bodies.id", "seats.body_id")
        .select("bodies.region_id")
        .where("seats.id", "=", id)
        .executeTakeFirst()
    )?.region_id;

/** Null for a network-wide wave (decision 046). */
export const regionOfWave =
  (id: number): RegionOfRecord =>
  async (db) =>
    (await db.selectFrom("survey_waves").select("region_id").where("id", "=", id).executeTakeFirst())?.region_id;

/** A saved search is kept in a region (decision 040); its actions ask there (decision 044). */
export const regionOfSavedSearch =
  (id: number): RegionOfRecord =>
  async (db) =>
    (await db.selectFrom("saved_searches").select("region_id").where("id", "=", id).executeTakeFirst())?.region_id;

/**
 * The regions a person or an organisation belongs to (decision 047): some regions by id, or "every"
 * when nothing ties it to one — an organisation linked to no region, a person without a current job
 * or seat — so that whoever reads or edits in any region can complete it.
 */
export type PartyRegions = readonly number[] | "every";

/** An organisation's regions: those it is linked to, or every region when none. One statement. */
export const regionsOfOrganisation =
  (id: number): RegionOfRecord =>
  async (db) => {
    const rows = await db
      .selectFrom("organisations")
      .leftJoin("organisation_regions", "organisation_regions.organisation_id", "organisations.id")
      .select("organisation_regions.region_id")
      .where("organisations.id", "=", id)
      .execute();
    if (rows.length === 0) return undefined;
    const regions = rows.flatMap((row) => (row.region_id === null ? [] : [row.region_id]));
    return regions.length ? regions : "every";
  };

/**
 * A person's regions: those of the organisations of their current jobs (every region for an
 * organisation linked to none) and of the bodies of their current seats; every region when they have
 * neither. One statement: the person, their jobs' and their seats' regions united.
 */
export const regionsOfPerson =
  (id: number, onDay: string = todayInAmsterdam()): RegionOfRecord =>
  async (db) => {
    const rows = await db
      .selectFrom("people")
      .select((eb) => [eb.val("person").as("source"), eb.cast<number | null>(eb.val(null), "integer").as("region_id")])
      .where("people.id", "=", id)
      .unionAll((eb) =>
        eb
          .selectFrom("affiliations")
          .leftJoin("organisation_regions", "organisation_regions.organisation_id", "affiliations.organisation_id")
          .select((s) => [s.val("job").as("source"), "organisation_regions.region_id"])
          .where("affiliations.person_id", "=", id)
          .where((w) => w.or([w("affiliations.start_date", "is", null), w("affiliations.start_date", "<=", onDay)]))
          .where((w) => w.or([w("affiliations.end_date", "is", null), w("affiliations.end_date", ">=", onDay)])),
      )
      .unionAll((eb) =>
        eb
          .selectFrom("seats")
          .innerJoin("bodies", "bodies.id", "seats.body_id")
          .select((s) => [s.val("seat").as("source"), "bodies.region_id"])
          .where("seats.person_id", "=", id)
          .where("seats.start_date", "<=", onDay)
          .where((w) => w.or([w("seats.end_date", "is", null), w("seats.end_date", ">=", onDay)])),
      )
      .execute();
    if (!rows.some((row) => row.source === "person")) return undefined;
    const ties = rows.filter((row) => row.source !== "person");
    // a job at an organisation of no region ties the person to every region, as that organisation is
    if (ties.length === 0 || ties.some((row) => row.region_id === null)) return "every";
    return [...new Set(ties.map((row) => row.region_id!))];
  };

/** The regions of the person or organisation a merge page names. */
export const regionsOfParty = (entity: "people" | "organisations", id: number): RegionOfRecord =>
  entity === "people" ? regionsOfPerson(id) : regionsOfOrganisation(id);

/**
 * The organisation (by its id column) belongs to the region (decision 047): linked to it, or linked to
 * no region at all. Two EXISTS lookups of the (organisation_id, region_id) key, so a list stays one
 * statement whatever its length.
 */
export function organisationInRegion(organisationId: Expression<number>, regionId: number): Expression<SqlBool> {
  const eb = expressionBuilder<Database, never>();
  const links = () =>
    eb
      .selectFrom("organisation_regions as scope_link")
      .select("scope_link.region_id")
      .where("scope_link.organisation_id", "=", organisationId);
  return eb.or([eb.exists(links().where("scope_link.region_id", "=", regionId)), eb.not(eb.exists(links()))]);
}

/**
 * The person (by its id column) belongs to the region on that day (decision 047): a current job at an
 * organisation of the region, a current seat in one of its bodies, or neither job nor seat at all.
 */
export function personInRegion(personId: Expression<number>, regionId: number, onDay: string): Expression<SqlBool> {
  const eb = expressionBuilder<Database, never>();
  const jobs = () =>
    eb
      .selectFrom("affiliations as scope_job")
      .select("scope_job.organisation_id")
      .where("scope_job.person_id", "=", personId)
      .where((w) => w.or([w("scope_job.start_date", "is", null), w("scope_job.start_date", "<=", onDay)]))
      .where((w) => w.or([w("scope_job.end_date", "is", null), w("scope_job.end_date", ">=", onDay)]));
  const seats = () =>
    eb
      .selectFrom("seats as scope_seat")
      .innerJoin("bodies as scope_body", "scope_body.id", "scope_seat.body_id")
      .select("scope_body.region_id")
      .where("scope_seat.person_id", "=", personId)
      .where("scope_seat.start_date", "<=", onDay)
      .where((w) => w.or([w("scope_seat.end_date", "is", null), w("scope_seat.end_date", ">=", onDay)]));
  return eb.or([
    eb.exists(jobs().where((w) => organisationInRegion(w.ref("scope_job.organisation_id"), regionId))),
    eb.exists(seats().where("scope_body.region_id", "=", regionId)),
    eb.and([eb.not(eb.exists(jobs())), eb.not(eb.exists(seats()))]),
  ]);
}

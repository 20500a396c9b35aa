import type { DB } from "../../db/index";

/**
 * The region of one record, for the gate of the pages about it (decision 044): undefined when there
 * is no such record, so the page answers 404 as before; null for a network-wide record (a survey
 * wave over every region, decision 046), which only a network-wide role reaches. One small
 * statement by primary key each.
 */
export type RegionOfRecord = (db: DB) => Promise<number | null | undefined>;

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

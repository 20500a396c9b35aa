import type { Insertable, Selectable } from "kysely";
import type { DB } from "../../db/index";
import type { FundingStatus, PlansTable, ThemesTable } from "../../db/schema";
import { defaultRegionId, makeBody, unique } from "./db";

/** A theme (inhoudelijk unless told otherwise). */
export async function makeTheme(
  db: DB,
  overrides: Partial<Insertable<ThemesTable>> = {},
): Promise<Selectable<ThemesTable>> {
  const n = unique();
  return db
    .insertInto("themes")
    .values({
      name: `Thema ${n}`,
      kind: "inhoudelijk",
      description: null,
      archived_at: null,
      region_id: overrides.region_id ?? (await defaultRegionId(db)),
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * A plan with IZA funding under a new theme, with its own projectteam body, as the demo data
 * stores them; `team_body_id: null` leaves it without a team.
 */
export async function makePlan(
  db: DB,
  {
    funding_markers = ["iza"],
    subregion_ids = [],
    ...overrides
  }: Partial<Insertable<PlansTable>> & { funding_markers?: FundingStatus[]; subregion_ids?: number[] } = {},
): Promise<Selectable<PlansTable>> {
  const n = unique();
  const name = overrides.name ?? `Plan ${n}`;
  const theme_id = overrides.theme_id === undefined ? (await makeTheme(db)).id : overrides.theme_id;
  const team_body_id =
    overrides.team_body_id === undefined
      ? (await makeBody(db, { name: `Projectteam ${name}`, kind: "projectteam", level: "operationeel", theme_id })).id
      : overrides.team_body_id;
  const plan = await db
    .insertInto("plans")
    .values({
      lead_organisation_id: null,
      description: null,
      archived_at: null,
      region_id: overrides.region_id ?? (await defaultRegionId(db)),
      ...overrides,
      name,
      theme_id,
      team_body_id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .insertInto("plan_funding_markers")
    .values(funding_markers.map((marker) => ({ plan_id: plan.id, marker })))
    .execute();
  if (subregion_ids.length > 0) {
    await db
      .insertInto("plan_subregions")
      .values(subregion_ids.map((subregion_id) => ({ plan_id: plan.id, subregion_id })))
      .execute();
  }
  return plan;
}

/** A subregion of the default region (each call a new one, with a unique code). */
export async function makeSubregion(db: DB, name?: string) {
  const n = unique();
  return db
    .insertInto("subregions")
    .values({ region_id: await defaultRegionId(db), code: `subregio-${n}`, name: name ?? `Subregio ${n}` })
    .returningAll()
    .executeTakeFirstOrThrow();
}

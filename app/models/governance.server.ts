import { idList } from "../../db/dialect";
import type { DB } from "../../db/index";
import { FUNDING_STATUSES, type FundingStatus } from "../../db/schema";
import type { ConstituencyChoices } from "../services/governance";
import type { Trx } from "./audit.server";
import { type ChildRows, RegisterError } from "./editing.server";

/**
 * The governance rows that belong to a body or a plan (decision 038): the subregions it spans and a
 * plan's funding markers. They are child rows, changed under the record's version and logged in its
 * audit entry, so the history and a conflicting save show them with the rest of the record.
 */

export interface Named {
  id: number;
  name: string;
}

const sortedUnique = (ids: readonly number[]) => [...new Set(ids)].sort((a, b) => a - b);

/** The subregions of each body asked for, by name; a body without any is absent (the whole region). */
export async function subregionsOfBodies(db: DB | Trx, bodyIds: readonly number[]): Promise<Map<number, Named[]>> {
  const found = new Map<number, Named[]>();
  if (bodyIds.length === 0) return found;
  const rows = await db
    .selectFrom("body_subregions")
    .innerJoin("subregions", "subregions.id", "body_subregions.subregion_id")
    .select(["body_subregions.body_id as owner", "subregions.id", "subregions.name"])
    .where("body_subregions.body_id", "in", idList(db, [...new Set(bodyIds)]))
    .orderBy("subregions.name")
    .execute();
  for (const row of rows) found.set(row.owner, [...(found.get(row.owner) ?? []), { id: row.id, name: row.name }]);
  return found;
}

/** The subregions of each plan asked for, by name. */
export async function subregionsOfPlans(db: DB | Trx, planIds: readonly number[]): Promise<Map<number, Named[]>> {
  const found = new Map<number, Named[]>();
  if (planIds.length === 0) return found;
  const rows = await db
    .selectFrom("plan_subregions")
    .innerJoin("subregions", "subregions.id", "plan_subregions.subregion_id")
    .select(["plan_subregions.plan_id as owner", "subregions.id", "subregions.name"])
    .where("plan_subregions.plan_id", "in", idList(db, [...new Set(planIds)]))
    .orderBy("subregions.name")
    .execute();
  for (const row of rows) found.set(row.owner, [...(found.get(row.owner) ?? []), { id: row.id, name: row.name }]);
  return found;
}

/** The funding markers of each plan asked for, in the order the design lists them. */
export async function markersOfPlans(db: DB | Trx, planIds: readonly number[]): Promise<Map<number, FundingStatus[]>> {
  const found = new Map<number, FundingStatus[]>();
  if (planIds.length === 0) return found;
  const rows = await db
    .selectFrom("plan_funding_markers")
    .select(["plan_id", "marker"])
    .where("plan_id", "in", idList(db, [...new Set(planIds)]))
    .execute();
  for (const row of rows) found.set(row.plan_id, [...(found.get(row.plan_id) ?? []), row.marker]);
  for (const markers of found.values())
    markers.sort((a, b) => FUNDING_STATUSES.indexOf(a) - FUNDING_STATUSES.indexOf(b));
  return found;
}

/**
 * Refuses subregion ids that are not subregions of the record's region (a form posted by hand, or
 * another region's subregion), on the field that chose them.
 */
export async function assertSubregionsIn(trx: Trx, regionId: number, ids: readonly number[], field: string) {
  const wanted = sortedUnique(ids);
  if (wanted.length === 0) return;
  const found = await trx
    .selectFrom("subregions")
    .select("id")
    .where("id", "in", idList(trx, wanted))
    .where("region_id", "=", regionId)
    .execute();
  if (found.length !== wanted.length) throw new RegisterError("common.form.invalid", field);
}

async function bodySubregionIds(trx: Trx, bodyId: number) {
  const rows = await trx
    .selectFrom("body_subregions")
    .select("subregion_id")
    .where("body_id", "=", bodyId)
    .orderBy("subregion_id")
    .execute();
  return rows.map((row) => row.subregion_id);
}

/** A body's subregions as child rows of the body. */
export function bodySubregionRows(ids: readonly number[]): ChildRows<"bodies"> {
  const wanted = sortedUnique(ids);
  return {
    read: async (trx, bodyId) => ({ subregion_ids: await bodySubregionIds(trx, bodyId) }),
    write: async (trx, body) => {
      await trx.deleteFrom("body_subregions").where("body_id", "=", body.id).execute();
      if (wanted.length > 0) {
        await trx
          .insertInto("body_subregions")
          .values(wanted.map((subregion_id) => ({ body_id: body.id, subregion_id })))
          .execute();
      }
    },
  };
}

/** A plan's subregions and funding markers as child rows of the plan. */
export function planGovernanceRows(
  subregionIds: readonly number[],
  markers: readonly FundingStatus[],
): ChildRows<"plans"> {
  const wanted = sortedUnique(subregionIds);
  const wantedMarkers = FUNDING_STATUSES.filter((marker) => markers.includes(marker));
  return {
    read: async (trx, planId) => {
      const [subregions, funding] = await Promise.all([
        trx
          .selectFrom("plan_subregions")
          .select("subregion_id")
          .where("plan_id", "=", planId)
          .orderBy("subregion_id")
          .execute(),
        markersOfPlans(trx, [planId]),
      ]);
      return { subregion_ids: subregions.map((row) => row.subregion_id), funding_markers: funding.get(planId) ?? [] };
    },
    write: async (trx, plan) => {
      await trx.deleteFrom("plan_subregions").where("plan_id", "=", plan.id).execute();
      await trx.deleteFrom("plan_funding_markers").where("plan_id", "=", plan.id).execute();
      if (wanted.length > 0) {
        await trx
          .insertInto("plan_subregions")
          .values(wanted.map((subregion_id) => ({ plan_id: plan.id, subregion_id })))
          .execute();
      }
      await trx
        .insertInto("plan_funding_markers")
        .values(wantedMarkers.map((marker) => ({ plan_id: plan.id, marker })))
        .execute();
    },
  };
}

/** What a seat form offers as an achterban: every sector, and the subregions of the body's region. */
export async function constituencyChoices(db: DB, regionId: number): Promise<ConstituencyChoices> {
  const [sectors, subregions] = await Promise.all([
    db.selectFrom("sectors").select(["id", "name_nl", "name_en"]).orderBy("sort_order").execute(),
    db.selectFrom("subregions").select(["id", "name"]).where("region_id", "=", regionId).orderBy("name").execute(),
  ]);
  return { sectors, subregions };
}

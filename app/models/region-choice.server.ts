import type { DB } from "../../db/index";
import { networkRoleOf, type WithRoles } from "../auth/permissions";
import type { RegionOption } from "../services/region-choice";
import { startRegionLast } from "./regions.server";

/** The regions a user may look at, by name: every region with a network-wide role, else those they have a role in. */
export async function regionsOpenTo(db: DB, user: WithRoles): Promise<RegionOption[]> {
  if (networkRoleOf(user) !== null) return allRegions(db);
  const ids = user.roles.flatMap(({ regionId }) => (regionId === null ? [] : [regionId]));
  if (ids.length === 0) return [];
  return withStart(
    await db
      .selectFrom("regions")
      .select(["id", "name", "code", startRegionLast.as("start_order")])
      .where("id", "in", ids)
      .orderBy("name")
      .orderBy("id")
      .execute(),
  );
}

const withStart = (rows: (RegionOption & { start_order: number })[]): RegionOption[] =>
  rows.map(({ start_order, ...region }) => (Number(start_order) === 0 ? { ...region, start: true } : region));

/**
 * Remembers the session's region (or the cross-region view). A session's view state, like its last
 * use: not a change to the register, so not in the audit log (decision 043).
 */
export async function chooseSessionRegion(db: DB, sessionId: string, choice: number | "all"): Promise<void> {
  await db
    .updateTable("sessions")
    .set(choice === "all" ? { region_id: null, all_regions: 1 } : { region_id: choice, all_regions: 0 })
    .where("id", "=", sessionId)
    .execute();
}

/** Every region, by name: the rows of the user forms' roles. */
export async function allRegions(db: DB): Promise<RegionOption[]> {
  return withStart(
    await db
      .selectFrom("regions")
      .select(["id", "name", "code", startRegionLast.as("start_order")])
      .orderBy("name")
      .orderBy("id")
      .execute(),
  );
}

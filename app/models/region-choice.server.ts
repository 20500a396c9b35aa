import type { DB } from "../../db/index";
import { networkRoleOf, type WithRoles } from "../auth/permissions";
import type { RegionOption } from "../services/region-choice";

/** The regions a user may look at, by name: every region with a network-wide role, else those they have a role in. */
export async function regionsOpenTo(db: DB, user: WithRoles): Promise<RegionOption[]> {
  if (networkRoleOf(user) !== null) return allRegions(db);
  const ids = user.roles.flatMap(({ regionId }) => (regionId === null ? [] : [regionId]));
  if (ids.length === 0) return [];
  return db
    .selectFrom("regions")
    .select(["id", "name", "code"])
    .where("id", "in", ids)
    .orderBy("name")
    .orderBy("id")
    .execute();
}

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
  return db.selectFrom("regions").select(["id", "name", "code"]).orderBy("name").orderBy("id").execute();
}

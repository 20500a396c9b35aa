import type { AppLoadContext } from "@remix-run/node";
import { regionsOpenTo } from "../models/region-choice.server";
import { regionOrFirst } from "../models/regions.server";
import {
  ALL_REGIONS,
  type CurrentRegion,
  type ListScope,
  listScopeOf,
  type RegionOption,
  regionIdFrom,
  resolveRegion,
} from "../services/region-choice";
import { requirePermission, requireSession } from "./guard.server";
import { can, type Permission } from "./permissions";
import type { SessionUser } from "./session.server";

export interface RegionView {
  /** the regions the user may choose in the switcher, by name */
  regions: RegionOption[];
  current: CurrentRegion;
}

/** The regions open to the signed-in user and the one they look at; looked up once per request. */
export function regionView(request: Request, context: AppLoadContext): Promise<RegionView> {
  context.auth.regions ??= (async () => {
    const { user, regionChoice } = await requireSession(request, context);
    const regions = await regionsOpenTo(context.db, user);
    return { regions, current: resolveRegion(user, regions, regionChoice) };
  })();
  return context.auth.regions as Promise<RegionView>;
}

/** The region the signed-in user looks at — `{ id, name }` — or "all", the cross-region view (decision 043). */
export async function currentRegion(request: Request, context: AppLoadContext): Promise<CurrentRegion> {
  return (await regionView(request, context)).current;
}

/**
 * Whose records the lists and the search show: the current region's, or every region's in the
 * cross-region view, which only a network-wide role reaches (decision 044).
 */
export async function listScope(request: Request, context: AppLoadContext): Promise<ListScope> {
  return listScopeOf(await currentRegion(request, context));
}

/**
 * A create form's regions (decision 044): those where the user's roles give the permission, by name,
 * and the one it starts on — the current region, or none in the cross-region view (then the first).
 */
export async function regionFieldOf(
  request: Request,
  context: AppLoadContext,
  user: SessionUser,
  permission: Permission,
): Promise<{ regions: RegionOption[]; chosen: number | null }> {
  // the regions open to the user are those they hold a role in (all, network-wide): the switcher's list
  const { regions, current } = await regionView(request, context);
  return {
    regions: regions.filter((region) => can(user, permission, region.id)),
    chosen: current === "all" ? null : current.id,
  };
}

async function startingRegion(request: Request, context: AppLoadContext): Promise<number> {
  const current = await currentRegion(request, context);
  return current === "all" ? regionOrFirst(context.db, null) : current.id;
}

/**
 * The gate of a create action (decision 044): the permission in the region the form chose — its
 * `region_id`, else the current region, else (in the cross-region view) the first. A region the
 * user's roles do not reach is a bare 403; a value that is no region is the model's to refuse.
 */
export async function requirePermissionInChosenRegion(
  request: Request,
  context: AppLoadContext,
  permission: Permission,
  formData: FormData,
): Promise<{ user: SessionUser; regionId: number }> {
  const user = await requirePermission(request, context, permission);
  const regionId = regionIdFrom(formData) ?? (await startingRegion(request, context));
  if (regionId !== 0 && !can(user, permission, regionId))
    throw new Response(null, { status: 403, statusText: "Forbidden" });
  return { user, regionId };
}

/**
 * The gate of a create action whose record may also be network-wide (a survey wave, decision 046):
 * the form's "alle" asks the permission of the network-wide role and gives region null; any other
 * choice is asked as `requirePermissionInChosenRegion` does.
 */
export async function requirePermissionInChosenRegionOrNetwork(
  request: Request,
  context: AppLoadContext,
  permission: Permission,
  formData: FormData,
): Promise<{ user: SessionUser; regionId: number | null }> {
  if (formData.get("region_id") !== ALL_REGIONS)
    return requirePermissionInChosenRegion(request, context, permission, formData);
  return { user: await requirePermission(request, context, permission, { region: "network" }), regionId: null };
}

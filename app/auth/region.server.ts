import type { AppLoadContext } from "@remix-run/node";
import { regionsOpenTo } from "../models/region-choice.server";
import { type CurrentRegion, type RegionOption, resolveRegion } from "../services/region-choice";
import { requireSession } from "./guard.server";

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

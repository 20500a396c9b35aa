import { networkRoleOf, type WithRoles } from "../auth/permissions";

/** The value that stands for the cross-region view in the switcher's form (app/routes/regio.tsx). */
export const ALL_REGIONS = "alle";

export interface RegionOption {
  id: number;
  name: string;
  /** the short code ("zuid-limburg") that names the region in a download's file name */
  code: string;
  /** the region a view starts on before the user chooses one (decision 050) */
  start?: boolean;
}

/** The region a page shows, or the cross-region view (decision 043). */
export type CurrentRegion = RegionOption | "all";

/** Whose records a list or search shows (decision 044): one region's, or every region's in the cross-region view. */
export type ListScope = { regionId: number } | "all";

export const listScopeOf = (current: CurrentRegion): ListScope =>
  current === "all" ? "all" : { regionId: current.id };

/**
 * The region a user looks at: the one their session chose, if they still may; otherwise the start
 * region if open to them, else the first by name. "all" — the cross-region view — only with a network-wide role, and
 * for such a user when the register has no region yet. `regions` are those they may choose, by name.
 */
export function resolveRegion(
  user: WithRoles,
  regions: readonly RegionOption[],
  choice: number | "all" | null,
): CurrentRegion {
  const network = networkRoleOf(user) !== null;
  if (choice === "all" && network) return "all";
  const chosen = typeof choice === "number" ? regions.find((region) => region.id === choice) : undefined;
  return chosen ?? regions.find((region) => region.start) ?? regions[0] ?? "all";
}

/** Whether the user may choose this region (or "all") in the switcher: a role there, or a network-wide role. */
export function maySelectRegion(user: WithRoles, regions: readonly RegionOption[], choice: number | "all"): boolean {
  if (choice === "all") return networkRoleOf(user) !== null;
  return regions.some((region) => region.id === choice);
}

/**
 * The region a create form chose (decision 040): its id, 0 for a value that is no id (the model
 * refuses it as "choose a region"), null when the post has no region field (then the first region).
 * Safe for the browser bundle.
 */
export function regionIdFrom(formData: FormData): number | null {
  const value = formData.get("region_id");
  if (value === null) return null;
  return typeof value === "string" && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : 0;
}

import type { UserRole } from "../../db/schema";

/** Everything a role may do, in one table: loaders and actions ask `can`, never the role itself. */
export const PERMISSIONS = {
  "register.read": ["beheerder", "redacteur", "onderzoeker", "lezer"],
  "register.edit": ["beheerder", "redacteur"],
  "register.export": ["beheerder", "redacteur", "onderzoeker"],
  "research.run": ["beheerder", "onderzoeker"],
  "calendar.manage": ["beheerder"],
  "users.manage": ["beheerder"],
  /** regions and their subregions: create, name, remove (decision 041) */
  "regions.manage": ["beheerder"],
  "audit.read": ["beheerder"],
  /** the rights of the person: an access report of everything about someone, erasure */
  "privacy.manage": ["beheerder"],
} as const satisfies Record<string, readonly UserRole[]>;

export type Permission = keyof typeof PERMISSIONS;

/**
 * Permissions about the network as a whole — its accounts, its regions, its log, the people's rights,
 * the calendar links that reach every body — that a role in one region never gives (decision 042).
 */
export const NETWORK_ONLY: ReadonlySet<Permission> = new Set<Permission>([
  "users.manage",
  "regions.manage",
  "audit.read",
  "privacy.manage",
  "calendar.manage",
]);

/** One of a user's roles: in a region, or network-wide when `regionId` is null. */
export interface RoleGrant {
  regionId: number | null;
  role: UserRole;
}

export interface WithRoles {
  roles: readonly RoleGrant[];
}

/**
 * Where a permission is asked for: in one region (its id), network-wide, or — left out — in some
 * region or network-wide (the menu, and pages that are not about one region).
 */
export type RegionScope = number | "network";

const roleHas = (role: UserRole, permission: Permission) =>
  (PERMISSIONS[permission] as readonly UserRole[]).includes(role);

/**
 * Whether the user may do this: what their network-wide role allows, together with what their role in
 * the region allows (the union rule of decision 042). A network-only permission needs the network-wide role.
 */
export function can(user: WithRoles | null | undefined, permission: Permission, scope?: RegionScope): boolean {
  if (!user) return false;
  return user.roles.some(
    ({ regionId, role }) =>
      roleHas(role, permission) &&
      (regionId === null ||
        (!NETWORK_ONLY.has(permission) && scope !== "network" && (scope === undefined || scope === regionId))),
  );
}

/** The user's network-wide role, if any. */
export const networkRoleOf = (user: WithRoles): UserRole | null =>
  user.roles.find((grant) => grant.regionId === null)?.role ?? null;

/**
 * Whether the user may do this to a record of one region, or to a person or organisation of several
 * (decision 047): in any of its regions; one of "every" region — nothing ties it to one yet — in any region.
 */
export function canInRecord(
  user: WithRoles | null | undefined,
  permission: Permission,
  regions: number | readonly number[] | "every",
): boolean {
  if (regions === "every") return can(user, permission);
  if (typeof regions === "number") return can(user, permission, regions);
  return regions.some((regionId) => can(user, permission, regionId));
}

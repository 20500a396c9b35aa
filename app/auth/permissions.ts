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

export function can(role: UserRole | null | undefined, permission: Permission): boolean {
  return !!role && (PERMISSIONS[permission] as readonly UserRole[]).includes(role);
}

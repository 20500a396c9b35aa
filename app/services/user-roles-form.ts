import { z } from "zod";
import { USER_ROLES, type UserRole } from "../../db/schema";
import type { RoleGrant } from "../auth/permissions";
import { choice, messageKey } from "./form-data";

/**
 * The roles part of the user forms (decision 042): a select for the network-wide role and one per
 * region, each "none" or a role. The regions come from the page, so the schema is made for them, on
 * the server and in the browser alike.
 */

export const NETWORK_ROLE_FIELD = "role_network";
export const regionRoleField = (regionId: number) => `role_region_${regionId}`;

/** A select left out of the post counts as "none", like an empty one. */
const roleOrNone = choice(["", ...USER_ROLES]).optional();

type RoleValues = Record<string, "" | UserRole | undefined>;

const fieldsOf = (regionIds: readonly number[]) => [NETWORK_ROLE_FIELD, ...regionIds.map(regionRoleField)];

/** The form's schema with the role selects added to `base`; refused without any role. */
export function withRoleFields<T extends z.ZodRawShape>(base: T, regionIds: readonly number[]) {
  const roles = z.object(Object.fromEntries(fieldsOf(regionIds).map((field) => [field, roleOrNone])));
  return z
    .intersection(z.object(base), roles)
    .refine((values) => fieldsOf(regionIds).some((field) => (values as RoleValues)[field]), {
      path: [NETWORK_ROLE_FIELD],
      message: messageKey("userRoles.errors.noRole"),
    });
}

/** The roles the form's values give. */
export function grantsFrom(values: object, regionIds: readonly number[]): RoleGrant[] {
  const chosen = values as RoleValues;
  const grants: RoleGrant[] = [];
  if (chosen[NETWORK_ROLE_FIELD]) grants.push({ regionId: null, role: chosen[NETWORK_ROLE_FIELD] });
  for (const regionId of regionIds) {
    const role = chosen[regionRoleField(regionId)];
    if (role) grants.push({ regionId, role });
  }
  return grants;
}

/** The selects' starting values for these roles. */
export function roleFieldValues(roles: readonly RoleGrant[], regionIds: readonly number[]): Record<string, string> {
  const values: Record<string, string> = Object.fromEntries(fieldsOf(regionIds).map((field) => [field, ""]));
  for (const { regionId, role } of roles)
    values[regionId === null ? NETWORK_ROLE_FIELD : regionRoleField(regionId)] = role;
  return values;
}

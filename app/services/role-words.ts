import type { TFunction } from "i18next";
import type { UserRole } from "../../db/schema";

/** One of a user's roles with its region's name; `region` null: network-wide. */
export interface NamedRole {
  role: UserRole;
  region: string | null;
}

/**
 * A user's roles as a sentence: "redacteur in Zuid-Limburg; lezer in het hele netwerk" — the
 * regions by name, the network-wide role last.
 */
export function rolesInWords(roles: readonly NamedRole[], t: TFunction): string {
  if (roles.length === 0) return t("userRoles.none");
  const byRegion = [...roles].sort((a, b) =>
    a.region === null ? 1 : b.region === null ? -1 : a.region.localeCompare(b.region, "nl"),
  );
  return byRegion
    .map(({ role, region }) => {
      const name = t(`common.roles.${role}`).toLowerCase();
      return region === null
        ? t("userRoles.roleNetworkWide", { role: name })
        : t("userRoles.roleInRegion", { role: name, region });
    })
    .join("; ");
}

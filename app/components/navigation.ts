import type { Permission } from "../auth/permissions";

/** The sections of Kring, in menu order; each shows only for roles that may open it. */
export const NAVIGATION = [
  { to: "/", label: "common.nav.home", permission: "register.read" },
  { to: "/gremia", label: "common.nav.bodies", permission: "register.read", also: ["/zetels"] },
  { to: "/vergaderingen", label: "common.nav.meetings", permission: "register.read" },
  { to: "/organisaties", label: "common.nav.organisations", permission: "register.read" },
  { to: "/personen", label: "common.nav.people", permission: "register.read" },
  { to: "/themas", label: "common.nav.themes", permission: "register.read", also: ["/plannen"] },
  { to: "/overzichten", label: "common.nav.overviews", permission: "register.read" },
  { to: "/netwerk", label: "common.nav.network", permission: "register.read" },
  { to: "/onderzoek", label: "common.nav.research", permission: "research.run" },
  { to: "/beheer/gebruikers", label: "common.nav.users", permission: "users.manage" },
  { to: "/beheer/regios", label: "common.nav.regions", permission: "regions.manage" },
  { to: "/beheer/agenda", label: "common.nav.calendarFeeds", permission: "calendar.manage" },
  { to: "/beheer/logboek", label: "common.nav.audit", permission: "audit.read" },
  { to: "/beheer/bewaartermijn", label: "common.nav.retention", permission: "privacy.manage" },
] as const satisfies readonly { to: string; label: string; permission: Permission; also?: readonly string[] }[];

/** Whether a menu item stands for the page at `pathname`: its own section, or a section it includes. */
export function isCurrentSection(item: { to: string; also?: readonly string[] }, pathname: string): boolean {
  if (item.to === "/") return pathname === "/";
  return [item.to, ...(item.also ?? [])].some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

import { Form, Link, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { can, type RoleGrant } from "../auth/permissions";
import { type NamedRole, rolesInWords } from "../services/role-words";
import { Lookup } from "./lookup";
import { isCurrentSection, NAVIGATION } from "./navigation";
import { type RegionSwitch, RegionSwitcher } from "./regions/region-switcher";

export interface ShellUser {
  name: string;
  roles: (RoleGrant & NamedRole)[];
  regions: RegionSwitch | null;
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const other = i18n.language === "en" ? "nl" : "en";
  return (
    <Form method="post" action="/taal" className="inline">
      <input type="hidden" name="language" value={other} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" className="btn-secondary py-1" lang={other} aria-label={t("common.language.switchToLabel")}>
        {t("common.language.switchTo")}
      </button>
    </Form>
  );
}

/** Quiet, on every page of a register that holds the synthetic demo network, printed too. */
function DemoBanner() {
  const { t } = useTranslation();
  return (
    <p role="note" className="border-b border-amber-200 bg-amber-50 px-4 py-1.5 text-center text-sm text-amber-900">
      {t("common.demoBanner")}
    </p>
  );
}

/** The region the header names with its tagline (decision 041); null in a register without regions. */
export interface ShellRegion {
  name: string;
  tagline: string | null;
}

export function AppShell({
  user,
  region,
  demo,
  children,
}: {
  user: ShellUser | null;
  region: ShellRegion | null;
  demo: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const items = NAVIGATION.filter((item) => user && can(user, item.permission));
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#inhoud"
        className="sr-only z-50 rounded bg-white px-4 py-2 font-semibold focus:not-sr-only focus:absolute focus:left-2 focus:top-2"
      >
        {t("common.skipToContent")}
      </a>
      <header className="no-print border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link to="/" className="no-underline hover:no-underline">
            <span className="text-xl font-bold text-brand-800">{t("common.appName")}</span>
            {region ? (
              <span className="ml-2 text-sm text-slate-700" data-testid="header-region">
                <span className="font-semibold">{region.name}</span>
                {region.tagline ? <span className="block text-xs text-slate-600">{region.tagline}</span> : null}
              </span>
            ) : (
              <span className="sr-only"> — {t("common.tagline")}</span>
            )}
          </Link>
          {user ? (
            <nav aria-label={t("common.mainNavigation")} className="order-3 w-full sm:order-none sm:w-auto">
              <ul className="flex flex-wrap gap-1">
                {items.map((item) => (
                  <li key={item.to}>
                    <Link
                      to={item.to}
                      aria-current={isCurrentSection(item, pathname) ? "page" : undefined}
                      className={`block rounded-md px-3 py-2 text-sm font-medium no-underline hover:bg-brand-50 hover:no-underline ${
                        isCurrentSection(item, pathname) ? "bg-brand-100 text-brand-900" : "text-slate-700"
                      }`}
                    >
                      {t(item.label)}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {user && can(user, "register.read") ? <Lookup className="order-2 w-full sm:order-none sm:w-64" /> : null}
          <div className="ml-auto flex flex-wrap items-center justify-end gap-2">
            <RegionSwitcher regions={user?.regions ?? null} />
            <LanguageSwitch />
            {user ? (
              <>
                <Link to="/account" className="px-2 text-sm" title={t("common.nav.account")}>
                  <span className="sr-only">{t("common.signedInAs", { name: user.name })}, </span>
                  {user.name} <span className="text-slate-600">({rolesInWords(user.roles, t)})</span>
                </Link>
                <Form method="post" action="/logout">
                  <button type="submit" className="btn-secondary py-1">
                    {t("common.logout")}
                  </button>
                </Form>
              </>
            ) : null}
          </div>
        </div>
      </header>
      {demo ? <DemoBanner /> : null}
      <main id="inhoud" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 focus:outline-none">
        {children}
      </main>
      <footer className="no-print space-y-1 border-t border-slate-200 bg-white py-4 text-center text-sm text-slate-600">
        <p>{region ? t("common.footerRegion", { name: region.name }) : t("common.footer")}</p>
        <p>
          <Link to="/privacy">{t("privacy.link")}</Link>
        </p>
      </footer>
    </div>
  );
}

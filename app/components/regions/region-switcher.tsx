import { Form, useLocation, useSubmit } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ALL_REGIONS, type RegionOption } from "../../services/region-choice";
import { useInBrowser } from "../use-in-browser";

export interface RegionSwitch {
  /** the regions the user has a role in (every region with a network-wide role), by name */
  options: readonly RegionOption[];
  current: number | "all";
  /** the cross-region view: only with a network-wide role */
  allowAll: boolean;
}

/**
 * The header's region choice (decision 043): a plain form that a button submits without
 * JavaScript; with it, choosing is enough. Left out while there is no region to choose.
 */
export function RegionSwitcher({ regions }: { regions: RegionSwitch | null }) {
  const { t } = useTranslation();
  const location = useLocation();
  const submit = useSubmit();
  const scripted = useInBrowser();
  if (!regions || (regions.options.length === 0 && !regions.allowAll)) return null;
  return (
    <Form
      method="post"
      action="/regio"
      className="flex items-center gap-2"
      onChange={(event) => submit(event.currentTarget, { replace: true })}
    >
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <label htmlFor="regio-keuze" className="text-sm font-medium text-slate-700">
        {t("userRoles.switcher.label")}
      </label>
      <select
        id="regio-keuze"
        name="regio"
        defaultValue={String(regions.current === "all" ? ALL_REGIONS : regions.current)}
        key={String(regions.current)}
        className="field-input mt-0 w-auto py-1"
      >
        {regions.options.map((region) => (
          <option key={region.id} value={region.id}>
            {region.name}
          </option>
        ))}
        {regions.allowAll ? <option value={ALL_REGIONS}>{t("userRoles.switcher.all")}</option> : null}
      </select>
      {scripted ? null : (
        <button type="submit" className="btn-secondary py-1">
          {t("userRoles.switcher.submit")}
        </button>
      )}
    </Form>
  );
}

import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { formatDay, formatMoment } from "../../i18n/format";

export interface PanelMembership {
  wave_id: number;
  wave_name: string;
  reference_date: string;
  excluded_at: string | null;
  exclusion_reason: string | null;
  completed_at: string | null;
}

/** The survey panels a person was drawn into: answered or not, and excluded later (an opt-out included). */
export function PanelMemberships({ memberships }: { memberships: readonly PanelMembership[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  if (memberships.length === 0) return <p className="mt-2 text-sm">{t("people.page.panelsNone")}</p>;
  return (
    <ul className="mt-3 space-y-2 text-sm">
      {memberships.map((membership) => (
        <li key={membership.wave_id}>
          <Link to={`/onderzoek/${membership.wave_id}`}>{membership.wave_name}</Link>{" "}
          <span className="text-slate-600">
            ({t("people.page.panelReferenceDate", { date: formatDay(membership.reference_date, language) })})
          </span>
          {" — "}
          {membership.completed_at
            ? t("people.page.panelCompleted", { moment: formatMoment(membership.completed_at, language) })
            : t("people.page.panelNotCompleted")}
          {membership.excluded_at ? (
            <span className="block text-slate-700">
              {t("people.page.panelExcluded", {
                moment: formatMoment(membership.excluded_at, language),
                reason: membership.exclusion_reason ?? "",
              })}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

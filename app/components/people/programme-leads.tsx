import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { periodText } from "../themes/theme-leads-section";

/** The themes and programmes a person leads or led (decision 048), latest first; shown only when there are any. */
export function ProgrammeLeads({
  leads,
}: {
  leads: readonly { id: number; theme_id: number; theme_name: string; start_date: string; end_date: string | null }[];
}) {
  const { t, i18n } = useTranslation();
  if (leads.length === 0) return null;
  return (
    <section aria-labelledby="programme-leads-heading" className="card">
      <h2 id="programme-leads-heading" className="text-lg font-semibold">
        {t("themes.leads.onPerson")}
      </h2>
      <ul className="mt-2 space-y-1">
        {leads.map((lead) => (
          <li key={lead.id}>
            <Link to={`/themas/${lead.theme_id}`}>{lead.theme_name}</Link>
            <span className="text-slate-700"> — {periodText(t, lead, i18n.language as Language)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

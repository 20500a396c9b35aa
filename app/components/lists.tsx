import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { formatDay } from "../i18n/format";
import { displayName, type NameParts } from "../services/names";

/**
 * Previous/next links that keep every other URL parameter (filters) as it is. `param` names the page
 * parameter when a page has two paged lists (the second one's own, so each keeps its place).
 */
export function Pagination({
  page,
  pages,
  from,
  to,
  total,
  param = "pagina",
  label,
}: {
  page: number;
  pages: number;
  from: number;
  to: number;
  total: number;
  param?: string;
  /** the navigation's name when a page has more than one */
  label?: string;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const linkTo = (target: number) => {
    const params = new URLSearchParams(location.search);
    params.set(param, String(target));
    return `${location.pathname}?${params}`;
  };
  return (
    <nav
      aria-label={label ?? t("common.pagination.label")}
      className="no-print mt-4 flex items-center justify-between gap-4 text-sm"
    >
      <p aria-live="polite">{t("common.pagination.summary", { from, to, total })}</p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link className="btn-secondary" to={linkTo(page - 1)} rel="prev">
            {t("common.actions.previous")}
          </Link>
        ) : null}
        {page < pages ? (
          <Link className="btn-secondary" to={linkTo(page + 1)} rel="next">
            {t("common.actions.next")}
          </Link>
        ) : null}
      </div>
    </nav>
  );
}

/** "sinds 1 maart 2025" / "1 maart 2025 t/m 31 december 2025". */
export function PeriodText({ start, end }: { start: string | null; end: string | null }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  if (start && end)
    return <>{t("register.period.range", { start: formatDay(start, language), end: formatDay(end, language) })}</>;
  if (start) return <>{t("register.period.since", { start: formatDay(start, language) })}</>;
  if (end) return <>{t("register.period.until", { end: formatDay(end, language) })}</>;
  return <>{t("register.period.unknown")}</>;
}

export function PersonLink({ id, ...name }: NameParts & { id: number }) {
  return <Link to={`/personen/${id}`}>{displayName(name)}</Link>;
}

import { Form, Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { displayName } from "../../services/names";
import { RETENTION_PARAMS, type ReviewRow, selectionValue } from "../../services/retention";
import { TableRegion } from "../table-region";
import { LastEnd, LastPlace } from "./review-cells";

/** The address of this list with "everyone on the page chosen" switched on or off. */
function withSelectAll(pathname: string, search: string, on: boolean) {
  const params = new URLSearchParams(search);
  if (on) params.set(RETENTION_PARAMS.selectAll, "1");
  else params.delete(RETENTION_PARAMS.selectAll);
  return `${pathname}?${params}`;
}

/**
 * The people due for review, a checkbox each, in one form with the two bulk buttons. "Choose everyone
 * on this page" is a link that renders the page with every box ticked, so it works without JavaScript.
 */
export function ReviewTable({
  rows,
  months,
  includeArchived,
  selectAll,
  nothingChosen,
}: {
  rows: readonly ReviewRow[];
  months: number;
  includeArchived: boolean;
  selectAll: boolean;
  nothingChosen: boolean;
}) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const caption = t("retention.caption");
  return (
    <Form method="post" className="space-y-4">
      <input type="hidden" name={RETENTION_PARAMS.months} value={months} />
      {includeArchived ? <input type="hidden" name={RETENTION_PARAMS.includeArchived} value="1" /> : null}
      <p className="flex flex-wrap gap-4 text-sm">
        <Link to={withSelectAll(pathname, search, true)} preventScrollReset>
          {t("retention.selectAll")}
        </Link>
        <Link to={withSelectAll(pathname, search, false)} preventScrollReset>
          {t("retention.selectNone")}
        </Link>
      </p>
      <TableRegion label={caption}>
        <table className="data-table">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("retention.columns.choose")}</th>
              <th scope="col">{t("retention.columns.name")}</th>
              <th scope="col">{t("retention.columns.lastPlace")}</th>
              <th scope="col">{t("retention.columns.lastEnd")}</th>
              <th scope="col">{t("retention.columns.panel")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.id}-${selectAll}`}>
                <td>
                  <input
                    type="checkbox"
                    name="persoon"
                    value={selectionValue(row)}
                    defaultChecked={selectAll}
                    aria-label={t("retention.choosePerson", { name: displayName(row) })}
                    className="h-5 w-5"
                  />
                </td>
                <td>
                  <Link to={`/personen/${row.id}`}>{displayName(row)}</Link>
                  {row.archived ? (
                    <span className="ml-2 text-sm text-slate-600">({t("retention.archived")})</span>
                  ) : null}
                </td>
                <td>
                  <LastPlace organisation={row.lastOrganisation} body={row.lastBody} />
                </td>
                <td>
                  <LastEnd day={row.lastEnd} />
                </td>
                <td>{row.inFrozenPanel ? t("retention.inFrozenPanel") : t("retention.notInFrozenPanel")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {nothingChosen ? (
        <p role="alert" className="field-error">
          {t("retention.nothingChosen")}
        </p>
      ) : null}
      <fieldset className="flex flex-wrap items-center gap-3">
        <legend className="sr-only">{t("retention.bulkLegend")}</legend>
        <button type="submit" name="intent" value="review-archive" className="btn-secondary">
          {t("retention.archive")}
        </button>
        <button type="submit" name="intent" value="review-erase" className="btn-danger">
          {t("retention.erase")}
        </button>
      </fieldset>
    </Form>
  );
}

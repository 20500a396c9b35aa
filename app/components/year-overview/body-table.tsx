import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BODY_LEVELS } from "../../../db/schema";
import { FilterSelect } from "../filter-form";
import { Pagination } from "../lists";
import { type BodyYear, intendedText } from "../../services/attendance-figures";
import type { paging } from "../../services/list-params";
import {
  bodyYearLabel,
  type YearBodyFilter,
  type YearGroupSummary,
  yearGroupName,
} from "../../services/meeting-report-tables";
import { CountCells, CountHeaders, numberCell } from "./count-columns";
import { TableRegion } from "../table-region";

/**
 * The year's counts per body, a page at a time, narrowed to a level and/or a subregion; in the
 * cross-region view (`regions` given) also to a region, with a column naming each body's region.
 */
export function BodyTable({
  year,
  bodies,
  page,
  bodyFilter,
  subregions,
  regions,
}: {
  year: number;
  /** the bodies of this page */
  bodies: BodyYear[];
  page: ReturnType<typeof paging>;
  bodyFilter: YearBodyFilter;
  /** the subregions to narrow to */
  subregions: YearGroupSummary[];
  /** the regions to narrow to: none outside the cross-region view */
  regions: YearGroupSummary[];
}) {
  const compareRegions = regions.length > 0;
  const { t } = useTranslation();
  const caption = t("meetingReports.year.caption.bodies", { year });
  return (
    <section aria-labelledby="by-body-heading" className="card space-y-3">
      <h2 id="by-body-heading" className="text-lg font-semibold">
        {t("meetingReports.year.byBody")}
      </h2>
      <p className="text-sm text-slate-600">{t("meetingReports.year.byBodyHelp")}</p>
      <Form
        method="get"
        className="no-print flex flex-wrap items-end gap-3"
        aria-label={t("meetingReports.year.narrowBodies")}
      >
        <input type="hidden" name="jaar" value={year} />
        {compareRegions ? (
          <FilterSelect
            key={`regio-${bodyFilter.region ?? ""}`}
            name="regio"
            label={t("meetingReports.year.columns.region")}
            value={bodyFilter.region === undefined ? undefined : String(bodyFilter.region)}
            anyLabel={t("meetingReports.year.all")}
            options={regions.map((group) => ({
              value: group.key.replace(/^regio-/, ""),
              label: group.regionName ?? "",
            }))}
          />
        ) : null}
        <FilterSelect
          key={`niveau-${bodyFilter.level ?? ""}`}
          name="niveau"
          label={t("meetingReports.year.columns.level")}
          value={bodyFilter.level}
          anyLabel={t("meetingReports.year.all")}
          options={BODY_LEVELS.map((level) => ({ value: level, label: t(`register.levels.${level}`) }))}
        />
        <FilterSelect
          key={`subregio-${bodyFilter.subregion ?? ""}`}
          name="subregio"
          label={t("meetingReports.year.columns.subregion")}
          value={bodyFilter.subregion}
          anyLabel={t("meetingReports.year.all")}
          options={subregions.map((group) => ({ value: group.key, label: yearGroupName(t, { ...group, rows: [] }) }))}
        />
        <button type="submit" className="btn-secondary">
          {t("meetingReports.year.narrowBodies")}
        </button>
      </Form>
      {bodies.length === 0 ? (
        <p>{t("meetingReports.year.noBodies")}</p>
      ) : (
        <TableRegion label={caption}>
          <table className="data-table">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t("meetingReports.year.columns.body")}</th>
                {compareRegions ? <th scope="col">{t("meetingReports.year.columns.region")}</th> : null}
                <th scope="col">{t("meetingReports.year.columns.level")}</th>
                <th scope="col">{t("meetingReports.year.columns.subregion")}</th>
                <CountHeaders />
                <th scope="col" className={numberCell}>
                  {t("meetingReports.year.columns.meetingsPerYear")}
                </th>
              </tr>
            </thead>
            <tbody>
              {bodies.map((body) => (
                <tr key={body.id} className="break-inside-avoid">
                  <th scope="row" className="font-normal">
                    <Link to={`/gremia/${body.id}`}>{bodyYearLabel(body)}</Link>
                  </th>
                  {compareRegions ? <td>{body.regionName}</td> : null}
                  <td>{t(`register.levels.${body.level}`)}</td>
                  <td>
                    {body.subregions.length === 0
                      ? t("regions.wholeRegion", { name: body.regionName })
                      : body.subregions.map((subregion) => subregion.name).join(", ")}
                  </td>
                  <CountCells counts={body} />
                  <td className={numberCell}>{intendedText(body.meetingsPerYear, body.meetingsPerYearMax)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <Pagination page={page.page} pages={page.pages} from={page.from} to={page.to} total={page.total} />
    </section>
  );
}

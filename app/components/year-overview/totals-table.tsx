import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { type YearGroupSummary, yearGroupName } from "../../services/meeting-report-tables";
import { intendedText } from "../../services/attendance-figures";
import { CountCells, CountHeaders, numberCell } from "./count-columns";
import { TableRegion } from "../table-region";

type Grouping = "region" | "level" | "subregion";

const HEADINGS = { region: "byRegion", level: "byLevel", subregion: "bySubregion" } as const;

/** The per-body table's narrowing to a group: a region group's key is "regio-<id>" (groupByRegion). */
const FILTER_OF: Record<Grouping, (key: string) => Record<string, string>> = {
  region: (key) => ({ regio: key.replace(/^regio-/, "") }),
  level: (key) => ({ niveau: key }),
  subregion: (key) => ({ subregio: key }),
};

/**
 * The year's counts per region (the cross-region view's comparison), level or subregion; each
 * group's number of bodies leads to those bodies.
 */
export function TotalsTable({ groups, kind, year }: { groups: YearGroupSummary[]; kind: Grouping; year: number }) {
  const { t } = useTranslation();
  const heading = t(`meetingReports.year.${HEADINGS[kind]}`);
  const caption = t("meetingReports.year.caption.totals", { year, grouping: heading.toLowerCase() });
  const filterLink = (group: YearGroupSummary) =>
    `?${new URLSearchParams({ jaar: String(year), ...FILTER_OF[kind](group.key) })}#by-body-heading`;
  return (
    <section aria-labelledby={`by-${kind}-heading`} className="card space-y-2 break-inside-avoid">
      <h2 id={`by-${kind}-heading`} className="text-lg font-semibold">
        {heading}
      </h2>
      {kind === "region" ? <p className="text-sm text-slate-600">{t("meetingReports.year.byRegionHelp")}</p> : null}
      <TableRegion label={caption}>
        <table className="data-table">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t(`meetingReports.year.columns.${kind}`)}</th>
              <th scope="col" className={numberCell}>
                {t("meetingReports.year.columns.bodies")}
              </th>
              <CountHeaders />
              <th scope="col" className={numberCell}>
                {t("meetingReports.year.columns.meetingsPerYear")}
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => {
              const name = yearGroupName(t, { ...group, rows: [] });
              return (
                <tr key={group.key}>
                  <th scope="row" className="font-normal">
                    {name}
                  </th>
                  <td className={numberCell}>
                    <Link to={filterLink(group)}>
                      {group.bodies}
                      <span className="sr-only"> – {t("meetingReports.year.showBodies", { group: name })}</span>
                    </Link>
                  </td>
                  <CountCells counts={group.totals} />
                  <td className={numberCell}>
                    {intendedText(group.totals.meetingsPerYear, group.totals.meetingsPerYearMax)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}

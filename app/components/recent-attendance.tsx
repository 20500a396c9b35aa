import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { AttendanceStatus, Language } from "../../db/schema";
import { formatDay } from "../i18n/format";
import { percentText } from "../services/attendance-figures";

/** One line of the recent-attendance table, as the loader sends it (see models/meeting-reports.server.ts). */
export interface RecentAttendanceLine {
  attendanceId: number;
  meetingId: number;
  date: string;
  title: string;
  bodyName: string | null;
  personId: number;
  personName: string;
  status: AttendanceStatus;
  substituteId: number | null;
  substituteName: string | null;
}

export interface AttendanceRateLine {
  from: string;
  to: string;
  row: { expected: number; present: number; replaced: number; rate: number | null } | null;
}

/**
 * "Recente aanwezigheid" on a person's or an organisation's page: the last held meetings and the
 * rate over the last twelve months, linking to the figures page for that period.
 */
export function RecentAttendance({
  of,
  lines,
  lastYear,
}: {
  of: { personId: number } | { organisationId: number };
  lines: readonly RecentAttendanceLine[];
  lastYear: AttendanceRateLine;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const forPerson = "personId" in of;
  const figures = new URLSearchParams({
    groep: forPerson ? "persoon" : "organisatie",
    van: lastYear.from,
    tot: lastYear.to,
  });
  if ("personId" in of) figures.set("persoon", String(of.personId));
  else figures.set("organisatie", String(of.organisationId));
  const statusText = (line: RecentAttendanceLine) => {
    if (forPerson && line.personId !== of.personId)
      return t("meetingReports.recent.stoodInFor", { name: line.personName });
    if (line.status === "vervangen") return t("meetingReports.recent.replacedBy", { name: line.substituteName ?? "" });
    return t(`meetings.attendanceStatuses.${line.status}`);
  };
  const row = lastYear.row;
  return (
    <section aria-labelledby="recent-attendance-heading" className="card space-y-3">
      <h2 id="recent-attendance-heading" className="text-lg font-semibold">
        {t("meetingReports.recent.heading")}
      </h2>
      <p className="text-sm">
        {row && row.rate !== null
          ? forPerson
            ? t("meetingReports.recent.ratePerson", {
                rate: percentText(row.rate),
                present: row.present,
                expected: row.expected,
              })
            : t("meetingReports.recent.rateOrganisation", {
                rate: percentText(row.rate),
                represented: row.present + row.replaced,
                expected: row.expected,
              })
          : t("meetingReports.recent.noRate")}{" "}
        <Link to={`/vergaderingen/cijfers?${figures}`} className="no-print underline">
          {t("meetingReports.recent.figuresLink")}
        </Link>
      </p>
      {lines.length === 0 ? (
        <p className="text-sm">{t("meetingReports.recent.none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("meetingReports.recent.date")}</th>
                <th scope="col">{t("meetingReports.recent.meeting")}</th>
                {forPerson ? null : <th scope="col">{t("meetingReports.recent.person")}</th>}
                <th scope="col">{t("meetingReports.recent.status")}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.attendanceId}>
                  <td className="whitespace-nowrap">{formatDay(line.date, language)}</td>
                  <td>
                    <Link to={`/vergaderingen/${line.meetingId}`}>{line.bodyName ?? line.title}</Link>
                  </td>
                  {forPerson ? null : (
                    <td>
                      <Link to={`/personen/${line.personId}`}>{line.personName}</Link>
                    </td>
                  )}
                  <td>{statusText(line)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

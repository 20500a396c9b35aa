import { useTranslation } from "react-i18next";
import type { AttendanceLine, AttendanceSheet } from "../../models/attendance.server";

/** The register for readers who may not change it. */
export function ReadOnlyRegister({ sheet }: { sheet: Pick<AttendanceSheet, "members" | "guests"> }) {
  const { t } = useTranslation();
  const statusText = (line: AttendanceLine) =>
    line.status === null
      ? t("attendance.notRegistered")
      : line.status === "vervangen"
        ? t("attendance.replacedBy", { name: line.substitute_name ?? "" })
        : t(`meetings.attendanceStatuses.${line.status}`);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">{t("attendance.readOnly")}</p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t("attendance.columns.name")}</th>
            <th scope="col">{t("attendance.columns.role")}</th>
            <th scope="col">{t("attendance.columns.organisation")}</th>
            <th scope="col">{t("attendance.columns.status")}</th>
          </tr>
        </thead>
        <tbody>
          {[...sheet.members, ...sheet.guests].map((line) => (
            <tr key={line.person_id}>
              <th scope="row" className="font-medium">
                {line.name}
              </th>
              <td>{line.role ? t(`register.roles.${line.role}`) : null}</td>
              <td>{line.organisation_name}</td>
              <td>{statusText(line)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { useTranslation } from "react-i18next";
import type { DraftRow, RegisterAnswer } from "../../services/attendance-draft";
import { substituteQueryField } from "../../services/attendance-form";
import type { FormErrors } from "../../services/form-data";
import { RegisterRow } from "./register-row";

/** The people expected at the meeting, a row each. */
export function RegisterTable({
  rows,
  errors,
  answer,
  focusFirstRow,
}: {
  rows: DraftRow[];
  errors: FormErrors;
  answer: RegisterAnswer | undefined;
  focusFirstRow: boolean;
}) {
  const { t } = useTranslation();
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{t("attendance.columns.name")}</th>
          <th scope="col" className="hidden md:table-cell">
            {t("attendance.columns.role")}
          </th>
          <th scope="col" className="hidden md:table-cell">
            {t("attendance.columns.organisation")}
          </th>
          <th scope="col">{t("attendance.columns.status")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <RegisterRow
            key={row.line.person_id}
            row={row}
            errors={errors}
            search={answer?.searches[substituteQueryField(row.line.person_id)]}
            round={answer?.round ?? 0}
            focusStatus={focusFirstRow && index === 0}
          />
        ))}
      </tbody>
    </table>
  );
}

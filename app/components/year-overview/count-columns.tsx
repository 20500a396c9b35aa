import { useTranslation } from "react-i18next";
import type { YearCounts } from "../../services/attendance-figures";

/** The class of a cell holding a number: right-aligned, figures of equal width. */
export const numberCell = "text-right tabular-nums";

/** The headers of the three counts every table of the year overview has: held, planned, cancelled. */
export function CountHeaders() {
  const { t } = useTranslation();
  return (
    <>
      <th scope="col" className={numberCell}>
        {t("meetingReports.year.columns.held")}
      </th>
      <th scope="col" className={numberCell}>
        {t("meetingReports.year.columns.planned")}
      </th>
      <th scope="col" className={numberCell}>
        {t("meetingReports.year.columns.cancelled")}
      </th>
    </>
  );
}

export function CountCells({ counts }: { counts: YearCounts }) {
  return (
    <>
      <td className={numberCell}>{counts.held}</td>
      <td className={numberCell}>{counts.planned}</td>
      <td className={numberCell}>{counts.cancelled}</td>
    </>
  );
}

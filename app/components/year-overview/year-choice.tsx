import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Which year the overview shows: a plain GET form. */
export function YearChoice({ year, years }: { year: number; years: number[] }) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="no-print card flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="overview-year" className="field-label">
          {t("meetingReports.year.yearLabel")}
        </label>
        <select id="overview-year" name="jaar" defaultValue={year} className="field-input" key={year}>
          {years.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn-primary">
        {t("meetingReports.year.show")}
      </button>
    </Form>
  );
}

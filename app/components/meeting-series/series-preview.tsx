import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { describeRule } from "../../services/recurrence";
import { formatDayWithWeekday } from "../../services/series-form";
import type { SeriesPreview as Preview } from "../../services/series-plan";

/** The days the series would fall on; focused when it appears, so it is read out and scrolled into view. */
export function SeriesPreview({ preview }: { preview: Preview }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, [preview]);
  const outside = preview.days.filter((day) => day.outsideBodyPeriod).length;
  return (
    <section aria-labelledby="series-preview-heading" className="rounded-md border border-slate-300 bg-slate-50 p-4">
      {/* eslint-disable-next-line jsx-a11y/no-autofocus -- the preview comes back from a post: without JavaScript only autoFocus moves the reader to it */}
      <h3 id="series-preview-heading" ref={headingRef} tabIndex={-1} autoFocus className="text-base font-semibold">
        {t("meetingSeries.previewHeading", { count: preview.days.length })}
      </h3>
      <p className="mt-1 text-sm">
        {t("meetingSeries.previewRule", {
          body: preview.bodyName,
          rule: describeRule(preview.rule, t, language),
          start: preview.start,
          end: preview.end,
        })}
      </p>
      {outside > 0 ? (
        <p className="mt-2 text-sm font-semibold text-red-800">
          {t("meetingSeries.outsideWarning", { count: outside })}
        </p>
      ) : null}
      <ol className="mt-3 list-decimal space-y-1 pl-6 text-sm">
        {preview.days.map((day) => (
          <li key={day.date}>
            {formatDayWithWeekday(day.date, language)}
            {day.outsideBodyPeriod ? (
              <strong className="ml-2 text-red-800">({t("meetingSeries.outsidePeriod")})</strong>
            ) : null}
          </li>
        ))}
      </ol>
      <p className="mt-3 text-sm text-slate-700">{t("meetingSeries.previewNothingSaved")}</p>
    </section>
  );
}

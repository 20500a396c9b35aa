import { useTranslation } from "react-i18next";
import { type FigureRow, percentText, rateBars } from "../../services/attendance-figures";

/** The rates of the figures as bars, each with its percentage beside it (what assistive technology reads). */
export function RateChart({ rows }: { rows: FigureRow[] }) {
  const { t } = useTranslation();
  const bars = rateBars(rows);
  if (bars.length === 0) return null;
  return (
    <figure className="card space-y-3 break-inside-avoid" aria-labelledby="chart-heading">
      <h2 id="chart-heading" className="text-lg font-semibold">
        {t("meetingReports.figures.chart.heading")}
      </h2>
      <figcaption className="text-sm text-slate-600">
        {t("meetingReports.figures.chart.caption", { count: bars.length })}
      </figcaption>
      <ul className="space-y-2 text-sm">
        {bars.map((bar) => (
          <li key={bar.id} className="grid grid-cols-[1fr_3.5rem] items-center gap-x-3 sm:grid-cols-[16rem_1fr_3.5rem]">
            <span className="col-span-2 break-words sm:col-span-1">{bar.name}</span>
            {/* the bar repeats the percentage beside it, which is what assistive technology reads */}
            <svg
              viewBox="0 0 100 10"
              preserveAspectRatio="none"
              className="h-3 w-full"
              aria-hidden="true"
              focusable="false"
            >
              <rect width="100" height="10" className="fill-slate-200" />
              <rect width={bar.width} height="10" className="fill-brand-700" />
            </svg>
            <span className="text-right tabular-nums">{percentText(bar.rate)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

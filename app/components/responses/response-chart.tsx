import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { formatDay } from "../../i18n/format";
import { percentText } from "../../services/attendance-figures";
import type { DayRate } from "../../services/response-rates";
import { TableRegion } from "../table-region";

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { left: 44, right: 16, top: 12, bottom: 36 };
const PLOT = { width: WIDTH - MARGIN.left - MARGIN.right, height: HEIGHT - MARGIN.top - MARGIN.bottom };
const GRID = [0, 0.25, 0.5, 0.75, 1];

const xOf = (index: number, count: number) =>
  MARGIN.left + (count <= 1 ? PLOT.width / 2 : (index * PLOT.width) / (count - 1));
const yOf = (rate: number) => MARGIN.top + PLOT.height * (1 - Math.min(1, Math.max(0, rate)));

/**
 * The response rate per day as one line, drawn on the server as SVG (no chart library, no script),
 * with the same figures in a table beside it for those who would rather read them.
 */
export function ResponseChart({ days }: { days: readonly DayRate[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const first = days[0];
  const last = days.at(-1);
  return (
    <section aria-labelledby="chart-heading" className="card space-y-3">
      <h2 id="chart-heading" className="text-lg font-semibold">
        {t("responses.chart.heading")}
      </h2>
      {!first || !last ? (
        <p>{t("responses.chart.none")}</p>
      ) : (
        <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
          <figure className="space-y-2 break-inside-avoid">
            <svg
              viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
              className="h-auto w-full"
              role="img"
              aria-label={t("responses.chart.description", {
                first: percentText(first.rate),
                from: formatDay(first.day, language),
                last: percentText(last.rate),
                to: formatDay(last.day, language),
              })}
              data-testid="response-chart"
            >
              {GRID.map((rate) => (
                <g key={rate}>
                  <line
                    x1={MARGIN.left}
                    x2={WIDTH - MARGIN.right}
                    y1={yOf(rate)}
                    y2={yOf(rate)}
                    className="stroke-slate-200"
                    strokeWidth={1}
                  />
                  <text x={MARGIN.left - 6} y={yOf(rate) + 4} textAnchor="end" className="fill-slate-600 text-[11px]">
                    {percentText(rate)}
                  </text>
                </g>
              ))}
              <text x={MARGIN.left} y={HEIGHT - 10} textAnchor="start" className="fill-slate-600 text-[11px]">
                {formatDay(first.day, language)}
              </text>
              {days.length > 1 ? (
                <text x={WIDTH - MARGIN.right} y={HEIGHT - 10} textAnchor="end" className="fill-slate-600 text-[11px]">
                  {formatDay(last.day, language)}
                </text>
              ) : null}
              <polyline
                points={days.map((day, i) => `${xOf(i, days.length)},${yOf(day.rate ?? 0)}`).join(" ")}
                className="fill-none stroke-brand-700"
                strokeWidth={2.5}
                strokeLinejoin="round"
              />
              {days.length === 1 ? (
                <circle cx={xOf(0, 1)} cy={yOf(first.rate ?? 0)} r={4} className="fill-brand-700" />
              ) : null}
            </svg>
            <figcaption className="text-sm text-slate-600">
              {t("responses.chart.caption", {
                from: formatDay(first.day, language),
                to: formatDay(last.day, language),
              })}
            </figcaption>
          </figure>
          <TableRegion
            label={t("responses.chart.tableCaption")}
            className="max-h-96 overflow-auto rounded-md border border-slate-200 print:max-h-none print:overflow-visible"
          >
            <table className="data-table" data-testid="response-days">
              <caption className="sr-only">{t("responses.chart.tableCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("responses.chart.columns.day")}</th>
                  <th scope="col" className="text-right">
                    {t("responses.chart.columns.started")}
                  </th>
                  <th scope="col" className="text-right">
                    {t("responses.chart.columns.completed")}
                  </th>
                  <th scope="col" className="text-right">
                    {t("responses.chart.columns.rate")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {days.map((day) => (
                  <tr key={day.day}>
                    <th scope="row" className="font-normal">
                      {formatDay(day.day, language)}
                    </th>
                    <td className="text-right tabular-nums">{day.started}</td>
                    <td className="text-right tabular-nums">{day.completed}</td>
                    <td className="text-right tabular-nums">{percentText(day.rate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </div>
      )}
    </section>
  );
}

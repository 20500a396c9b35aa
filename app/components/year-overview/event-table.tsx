import { useTranslation } from "react-i18next";
import type { EventYear } from "../../services/attendance-figures";
import { eventTotals } from "../../services/meeting-report-tables";
import { CountCells, CountHeaders } from "./count-columns";
import { TableRegion } from "../table-region";

/** The year's network events per kind, with their total. */
export function EventTable({ year, events }: { year: number; events: EventYear[] }) {
  const { t } = useTranslation();
  const caption = t("meetingReports.year.caption.events", { year });
  return (
    <section aria-labelledby="events-heading" className="card space-y-2 break-inside-avoid">
      <h2 id="events-heading" className="text-lg font-semibold">
        {t("meetingReports.year.events")}
      </h2>
      <TableRegion label={caption}>
        <table className="data-table">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("meetingReports.year.columns.kind")}</th>
              <CountHeaders />
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.kind}>
                <th scope="row" className="font-normal">
                  {t(`meetings.kinds.${event.kind}`)}
                </th>
                <CountCells counts={event} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="font-semibold">
              <th scope="row">{t("meetingReports.year.total")}</th>
              <CountCells counts={eventTotals({ events })} />
            </tr>
          </tfoot>
        </table>
      </TableRegion>
    </section>
  );
}

import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { formatDay } from "../../i18n/format";
import type { NamedSeat } from "../../models/bodies.server";
import type { RosterLabels } from "../../services/roster-labels";
import { RosterDayPicker } from "./roster-day-picker";
import { RosterRow } from "./roster-row";

/** Who sat in the body on a day, with the way to other days; editors get each seat's changes. */
export function RosterSection({
  bodyId,
  onDay,
  today,
  invalidDate,
  changes,
  roster,
  labels,
  addedSeatId,
  canEdit,
}: {
  bodyId: number;
  onDay: string;
  today: string;
  invalidDate: string | null;
  changes: { previous: string | null; next: string | null };
  roster: NamedSeat[];
  labels: RosterLabels;
  addedSeatId: number | null;
  canEdit: boolean;
}) {
  const { t, i18n } = useTranslation();
  const stillOpen = (seat: { end_date: string | null }) => seat.end_date === null || seat.end_date > today;
  return (
    <section aria-labelledby="roster-heading" className="card space-y-4">
      <h2 id="roster-heading" className="text-lg font-semibold">
        {t("register.bodies.rosterHeading", { date: formatDay(onDay, i18n.language as Language) })}
      </h2>
      {invalidDate ? (
        <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {t("register.bodies.invalidDate", { value: invalidDate })}
        </p>
      ) : null}
      <RosterDayPicker bodyId={bodyId} onDay={onDay} today={today} changes={changes} />
      {roster.length === 0 ? (
        <p>{t("register.bodies.emptyRoster")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("register.bodies.role")}</th>
                <th scope="col">{t("register.bodies.person")}</th>
                <th scope="col">{t("register.bodies.onBehalfOf")}</th>
                <th scope="col">{t("register.bodies.since")}</th>
                {canEdit ? (
                  <th scope="col" className="no-print">
                    {t("bodies.page.actions")}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {roster.map((seat) => (
                <RosterRow
                  key={seat.id}
                  seat={seat}
                  labels={labels}
                  highlighted={seat.id === addedSeatId}
                  canEdit={canEdit}
                  open={stillOpen(seat)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

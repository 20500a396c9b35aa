import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { getSeat } from "../../models/seats.server";
import type { Language } from "../../../db/schema";
import { constituencyIn } from "../../services/governance";
import { displayName } from "../../services/names";
import { PeriodText } from "../lists";

type SeatOnPage = NonNullable<Awaited<ReturnType<typeof getSeat>>>;

/** The seat page's heading: the body it is in, who holds it on behalf of which organisation, and when. */
export function SeatSummary({ seat }: { seat: SeatOnPage }) {
  const { t, i18n } = useTranslation();
  const constituency = constituencyIn(seat, i18n.language as Language);
  const holder = seat.last_name ? displayName({ ...seat, last_name: seat.last_name }) : null;
  const role = t(`register.roles.${seat.role}`);
  return (
    <div>
      <p className="text-sm text-slate-600">
        <Link to={`/gremia/${seat.body_id}`}>{seat.body_name}</Link>
      </p>
      <h1 className="text-2xl font-bold">{t("bodies.seat.title", { role, body: seat.body_name })}</h1>
      <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="font-semibold">{t("bodies.seat.person")}</dt>
          <dd>
            {holder && seat.person_id ? (
              <Link to={`/personen/${seat.person_id}`}>{holder}</Link>
            ) : (
              <span className="font-semibold text-amber-800">{t("register.vacant")}</span>
            )}
          </dd>
        </div>
        <div>
          <dt className="font-semibold">{t("bodies.seat.organisation")}</dt>
          <dd>
            {seat.organisation_id ? (
              <Link to={`/organisaties/${seat.organisation_id}`}>
                {seat.organisation_archived_at
                  ? t("bodies.seat.archivedOrganisation", { name: seat.organisation_name })
                  : seat.organisation_name}
              </Link>
            ) : constituency ? (
              t("governance.constituency.onBehalf", { what: constituency })
            ) : (
              t("bodies.seat.none")
            )}
          </dd>
        </div>
        <div>
          <dt className="font-semibold">{t("bodies.seat.period")}</dt>
          <dd>
            <PeriodText start={seat.start_date} end={seat.end_date} />
          </dd>
        </div>
        {seat.note ? (
          <div className="sm:col-span-3">
            <dt className="font-semibold">{t("bodies.seat.note")}</dt>
            <dd className="whitespace-pre-line">{seat.note}</dd>
          </div>
        ) : null}
      </dl>
      {seat.body_archived_at ? <p className="mt-3 text-sm text-amber-900">{t("bodies.seat.bodyArchived")}</p> : null}
    </div>
  );
}

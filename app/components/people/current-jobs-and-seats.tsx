import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { SeatRole } from "../../../db/schema";
import type { ConstituencyNames } from "../../services/governance";
import { isActiveOn, type Period } from "../../services/periods";
import { PeriodText } from "../lists";
import { SeatOnBehalf } from "./seat-on-behalf";

interface Job extends Period {
  id: number;
  function_title: string | null;
  organisation_id: number;
  organisation_name: string;
}

interface Seat extends Period, ConstituencyNames {
  id: number;
  role: SeatRole;
  body_id: number;
  body_name: string;
  organisation_id: number | null;
  organisation_name: string | null;
}

/** "Nu": the jobs and seats a person holds today, each with its period. */
export function CurrentJobsAndSeats({
  affiliations,
  seats,
  today,
}: {
  affiliations: readonly Job[];
  seats: readonly Seat[];
  today: string;
}) {
  const { t } = useTranslation();
  const jobs = affiliations.filter((a) => isActiveOn(a, today));
  const currentSeats = seats.filter((s) => isActiveOn(s, today));
  if (jobs.length === 0 && currentSeats.length === 0) return <p className="mt-2 text-sm">{t("people.page.nowNone")}</p>;
  return (
    <ul className="mt-3 space-y-2 text-sm">
      {jobs.map((job) => (
        <li key={`job-${job.id}`}>
          {job.function_title ?? t("people.timeline.untitled")} {t("people.timeline.at")}{" "}
          <Link to={`/organisaties/${job.organisation_id}`} className="underline">
            {job.organisation_name}
          </Link>
          <span className="block text-slate-600">
            <PeriodText start={job.start_date} end={job.end_date} />
          </span>
        </li>
      ))}
      {currentSeats.map((seat) => (
        <li key={`seat-${seat.id}`}>
          {t(`register.roles.${seat.role}`)} {t("people.timeline.in")}{" "}
          <Link to={`/gremia/${seat.body_id}`} className="underline">
            {seat.body_name}
          </Link>
          <SeatOnBehalf seat={seat} />
          <span className="block text-slate-600">
            <PeriodText start={seat.start_date} end={seat.end_date} />
          </span>
        </li>
      ))}
    </ul>
  );
}

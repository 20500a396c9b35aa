import type { NamedSeat } from "../../models/bodies.server";
import type { RosterLabels } from "../../services/roster-labels";

/** One seat on the roster, with plain anchors (the page is wrapped in PlainLinks). */
export function RosterRow({
  seat,
  labels,
  highlighted,
  canEdit,
  open,
}: {
  seat: NamedSeat;
  labels: RosterLabels;
  highlighted: boolean;
  canEdit: boolean;
  open: boolean;
}) {
  const who = seat.person_name;
  const role = labels.role[seat.role];
  return (
    <tr className={highlighted ? "bg-green-50" : undefined}>
      <td>{role}</td>
      <td>
        {seat.person_id ? (
          <a href={`/personen/${seat.person_id}`}>{who}</a>
        ) : (
          <span className="font-semibold text-amber-800">{labels.vacant}</span>
        )}
        {seat.note ? <span className="block text-xs text-slate-600">{seat.note}</span> : null}
      </td>
      <td>
        {seat.organisation_id ? (
          <a href={`/organisaties/${seat.organisation_id}`}>{seat.organisation_name}</a>
        ) : (
          labels.constituency(seat)
        )}
      </td>
      <td>
        <a href={`/zetels/${seat.id}`}>
          {labels.day(seat.start_date)}
          <span className="sr-only"> — {labels.openSeat(who ?? labels.vacant)}</span>
        </a>
      </td>
      {canEdit ? (
        <td className="no-print">
          {open ? (
            <div className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
              {who ? (
                <>
                  <a href={`/zetels/${seat.id}#beeindigen`}>
                    {labels.end}
                    <span className="sr-only"> — {labels.endLabel(who)}</span>
                  </a>
                  <a href={`/zetels/${seat.id}#verplaatsen`}>
                    {labels.move}
                    <span className="sr-only"> — {labels.moveLabel(who)}</span>
                  </a>
                </>
              ) : (
                <>
                  <a href={`/zetels/${seat.id}#vervullen`}>
                    {labels.fill}
                    <span className="sr-only"> — {labels.fillLabel(role)}</span>
                  </a>
                  <a href={`/zetels/${seat.id}#beeindigen`}>
                    {labels.end}
                    <span className="sr-only"> — {labels.endVacancyLabel(role)}</span>
                  </a>
                </>
              )}
            </div>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}

import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { SeatRole } from "../../../db/schema";
import type { Period } from "../../services/periods";
import { PeriodText, PersonLink } from "../lists";

/** A seat on behalf of the organisation, with its body and holder (none when vacant). */
export interface OrganisationSeat extends Period {
  id: number;
  role: SeatRole;
  body_id: number;
  body_name: string;
  person_id: number | null;
  first_name: string | null;
  infix: string | null;
  last_name: string | null;
  initials: string | null;
  title: string | null;
}

/** The seats an organisation holds (or held) in bodies: body, role, holder or "vacant", period. */
export function OrganisationSeatTable({ items }: { items: readonly OrganisationSeat[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="text-sm">{t("register.organisations.none")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t("register.bodies.name")}</th>
            <th scope="col">{t("register.bodies.role")}</th>
            <th scope="col">{t("register.bodies.person")}</th>
            <th scope="col">{t("register.bodies.active")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((s) => (
            <tr key={s.id}>
              <td>
                <Link to={`/gremia/${s.body_id}`}>{s.body_name}</Link>
              </td>
              <td>{t(`register.roles.${s.role}`)}</td>
              <td>
                {s.person_id && s.last_name ? (
                  <PersonLink {...s} id={s.person_id} last_name={s.last_name} />
                ) : (
                  <span className="font-semibold text-amber-800">{t("register.vacant")}</span>
                )}
              </td>
              <td>
                <PeriodText start={s.start_date} end={s.end_date} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

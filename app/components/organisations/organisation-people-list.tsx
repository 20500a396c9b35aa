import { useTranslation } from "react-i18next";
import type { NameParts } from "../../services/names";
import type { Period } from "../../services/periods";
import { PeriodText, PersonLink } from "../lists";

/** A job at the organisation, with the name of the person who holds it. */
export interface OrganisationJob extends Period, NameParts {
  id: number;
  person_id: number;
  function_title: string | null;
}

/** The people who work (or worked) at an organisation, with their function and period. */
export function OrganisationPeopleList({ items }: { items: readonly OrganisationJob[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="text-sm">{t("register.organisations.none")}</p>;
  return (
    <ul className="space-y-1 text-sm">
      {items.map((a) => (
        <li key={a.id}>
          <PersonLink {...a} id={a.person_id} />
          {a.function_title ? <span>, {a.function_title}</span> : null}{" "}
          <span className="text-slate-600">
            (<PeriodText start={a.start_date} end={a.end_date} />)
          </span>
        </li>
      ))}
    </ul>
  );
}

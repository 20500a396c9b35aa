import { useTranslation } from "react-i18next";
import { type FoundPeople, rulesIntentValue } from "../../services/panel-rules-round-trip";
import { ReshapeButton } from "./reshape-button";

/** The people a search of the rules form found, each with a button that excludes them. */
export function PersonSearchResults({ found }: { found: FoundPeople }) {
  const { t } = useTranslation();
  if (found.people.length === 0) return <p role="status">{t("waves.rules.searchNone", { query: found.query })}</p>;
  return (
    <div role="status">
      <h4 className="font-semibold">{t("waves.rules.searchResults")}</h4>
      <ul className="mt-2 space-y-2">
        {found.people.map((person) => (
          <li key={person.id} className="flex flex-wrap items-center gap-3">
            <span>
              {person.title}
              {person.subtitle ? <span className="text-slate-600"> — {person.subtitle}</span> : null}
            </span>
            <ReshapeButton value={rulesIntentValue.excludePerson(person.id)}>
              {t("waves.rules.excludePerson", { name: person.title })}
            </ReshapeButton>
          </li>
        ))}
      </ul>
    </div>
  );
}

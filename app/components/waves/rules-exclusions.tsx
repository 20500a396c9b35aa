import { useTranslation } from "react-i18next";
import { EXCLUSION_FIELDS, manualCount, manualField, type RulesFormValues } from "../../services/panel-rules-form";
import { type FoundPeople, RULES_SEARCH_FIELD, rulesIntentValue } from "../../services/panel-rules-round-trip";
import { CheckboxField, HiddenField, TextField } from "../form";
import { PersonSearchResults } from "./person-search-results";
import { ReshapeButton } from "./reshape-button";

/** Who the rules leave out: the automatic exclusions, and people picked by name through a search, each with a reason. */
export function RulesExclusions({
  values,
  people,
  found,
}: {
  values: RulesFormValues;
  /** names of the people on the manual exclusions */
  people: Record<number, string>;
  found: FoundPeople | null;
}) {
  const { t } = useTranslation();
  const manualRows = Array.from({ length: manualCount(values) }, (_, i) => ({
    index: i,
    personId: Number(values[manualField(i, "personId")]),
  }));
  return (
    <section aria-labelledby="exclusions-heading" className="space-y-4">
      <h2 id="exclusions-heading" className="text-lg font-semibold">
        {t("waves.rules.exclusionsHeading")}
      </h2>
      <CheckboxField name={EXCLUSION_FIELDS.researchOptOut} label={t("waves.rules.excludeResearchOptOut")} />
      <CheckboxField name={EXCLUSION_FIELDS.noEmail} label={t("waves.rules.excludeNoEmail")} />
      <CheckboxField name={EXCLUSION_FIELDS.noActiveAffiliation} label={t("waves.rules.excludeNoActiveAffiliation")} />
      <h3 className="font-semibold">{t("waves.rules.manualHeading")}</h3>
      {manualRows.map(({ index, personId }) => {
        const name = people[personId] ?? `#${personId}`;
        return (
          <div key={index} className="flex flex-wrap items-end gap-3">
            <HiddenField name={manualField(index, "personId")} />
            <TextField
              name={manualField(index, "reason")}
              label={t("waves.rules.manualReason", { name })}
              className="min-w-64 flex-1"
            />
            <ReshapeButton value={rulesIntentValue.removeManual(index)}>
              {t("waves.rules.removeManual", { name })}
            </ReshapeButton>
          </div>
        );
      })}
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          name={RULES_SEARCH_FIELD}
          label={t("waves.rules.searchPerson")}
          className="min-w-64 flex-1"
          autoComplete="off"
        />
        <ReshapeButton value={rulesIntentValue.search}>{t("waves.rules.searchSubmit")}</ReshapeButton>
      </div>
      {found ? <PersonSearchResults found={found} /> : null}
    </section>
  );
}

import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { rulesFormSchema, seatRuleCount } from "../../services/panel-rules-form";
import { rulesIntentValue, type WaveRulesAnswer } from "../../services/panel-rules-round-trip";
import { CheckboxGroupField, HiddenField, SubmitButton, ValidatedForm } from "../form";
import { ReshapeButton } from "./reshape-button";
import { RulesExclusions } from "./rules-exclusions";
import { type SeatRuleChoices, SeatRuleFieldset } from "./seat-rule-fieldset";

interface RuleChoices extends SeatRuleChoices {
  sectors: { id: number; name_nl: string; name_en: string }[];
}

/** A draft wave's panel rules: seat rules, the organisation rule and the exclusions, reshaped by round trips. */
export function WaveRulesForm({
  version,
  choices,
  formValues,
  knownPeople,
  answer,
}: {
  /** the wave's version, against which the rules are saved */
  version: number;
  choices: RuleChoices;
  /** the stored rules as the form's values */
  formValues: Record<string, string | string[] | boolean>;
  /** names of the people the stored rules exclude */
  knownPeople: Record<number, string>;
  answer: WaveRulesAnswer | undefined;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const reshaped = answer?.kind === "reshaped" ? answer : null;
  const refused = answer?.kind === "refused" ? answer : null;
  const values: Record<string, string | string[] | boolean> = answer?.values ?? formValues;
  const sectorOptions = choices.sectors.map((s) => ({
    value: String(s.id),
    label: language === "en" ? s.name_en : s.name_nl,
  }));
  const rulesCount = seatRuleCount(values);
  return (
    <ValidatedForm
      id="rules"
      key={`rules-${version}-${reshaped?.roundTrip ?? ""}`}
      schema={rulesFormSchema}
      actionData={refused ?? (reshaped ? { values: reshaped.values } : null)}
      defaultValues={{ ...formValues, version }}
      className="space-y-6"
    >
      {/* The default button: Enter in any field presses the form's first submit button. */}
      <ReshapeButton value={rulesIntentValue.enter} className="hidden" />
      <p className="text-slate-700">{t("waves.rules.intro")}</p>
      <HiddenField name="version" />
      <HiddenField name="seatRuleCount" />
      <HiddenField name="manualCount" />

      <section aria-labelledby="seat-rules-heading" className="space-y-4">
        <h2 id="seat-rules-heading" className="text-lg font-semibold">
          {t("waves.rules.seatRulesHeading")}
        </h2>
        {rulesCount === 0 ? <p>{t("waves.rules.noSeatRules")}</p> : null}
        {Array.from({ length: rulesCount }, (_, n) => (
          <SeatRuleFieldset key={n} index={n} choices={choices} />
        ))}
        <ReshapeButton value={rulesIntentValue.addSeatRule}>{t("waves.rules.addSeatRule")}</ReshapeButton>
      </section>

      <section aria-labelledby="organisation-heading" className="space-y-4">
        <h2 id="organisation-heading" className="text-lg font-semibold">
          {t("waves.rules.organisationHeading")}
        </h2>
        <CheckboxGroupField name="o_sectors" legend={t("waves.rules.sectors")} options={sectorOptions} />
      </section>

      <RulesExclusions
        values={values}
        people={{ ...knownPeople, ...reshaped?.people }}
        found={reshaped?.found ?? null}
      />
      <SubmitButton name="intent" value={rulesIntentValue.save}>
        {t("waves.rules.submit")}
      </SubmitButton>
    </ValidatedForm>
  );
}

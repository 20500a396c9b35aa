import { useTranslation } from "react-i18next";
import { DECISION_MODES, FUNDING_STATUSES } from "../../../db/schema";
import { CheckboxGroupField, SelectField, TextField } from "../form";

/**
 * The governance fields of the body and plan forms (decisions 038 and 039), kept apart from the
 * shared forms: the subregions spanned, the meeting interval in weeks and the way of deciding.
 */

export function SubregionChoices({
  subregions,
  hint,
}: {
  subregions: readonly { id: number; name: string }[];
  hint: string;
}) {
  const { t } = useTranslation();
  return (
    <CheckboxGroupField
      name="subregion_ids"
      legend={t("governance.subregions.legend")}
      hint={hint}
      options={subregions.map((subregion) => ({ value: String(subregion.id), label: subregion.name }))}
    />
  );
}

export function FrequencyFields() {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend className="field-label">{t("governance.frequency.legend")}</legend>
      <p className="mt-1 text-sm text-slate-600">{t("governance.frequency.hint")}</p>
      <div className="mt-2 grid gap-4 sm:grid-cols-2">
        <TextField name="meeting_interval_min_weeks" type="number" label={t("governance.frequency.min")} />
        <TextField name="meeting_interval_max_weeks" type="number" label={t("governance.frequency.max")} />
      </div>
    </fieldset>
  );
}

export function DecisionModeField() {
  const { t } = useTranslation();
  return (
    <SelectField
      name="decision_mode"
      label={t("governance.decision.label")}
      options={[
        { value: "", label: t("governance.decision.unknown") },
        ...DECISION_MODES.map((mode) => ({ value: mode, label: t(`governance.decision.modes.${mode}`) })),
      ]}
    />
  );
}

/** A plan's funding markers: at least one, some plans have two. */
export function FundingMarkerChoices() {
  const { t } = useTranslation();
  return (
    <CheckboxGroupField
      name="funding_markers"
      legend={t("governance.funding.legend")}
      hint={t("governance.funding.hint")}
      options={FUNDING_STATUSES.map((marker) => ({ value: marker, label: t(`themes.funding.${marker}`) }))}
    />
  );
}

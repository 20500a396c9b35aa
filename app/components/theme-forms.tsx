import { useTranslation } from "react-i18next";
import { THEME_KINDS } from "../../db/schema";
import { FundingMarkerChoices, SubregionChoices } from "./bodies/governance-fields";
import { RadioGroup, SelectField, TextAreaField, TextField } from "./form";
import { useInChosenRegion } from "./regions/region-field";

/** The fields of a theme, for the "new" and the "edit" form. */
export function ThemeFormFields() {
  const { t } = useTranslation();
  return (
    <>
      <TextField name="name" label={t("themes.fields.name")} autoComplete="off" required />
      <RadioGroup
        name="kind"
        legend={t("themes.fields.kind")}
        options={THEME_KINDS.map((kind) => ({ value: kind, label: t(`themes.kinds.${kind}`) }))}
      />
      <TextAreaField name="description" label={t("themes.fields.description")} />
    </>
  );
}

export interface PlanChoices {
  themes: { id: number; name: string; archived_at: string | null; region_id: number }[];
  organisations: { id: number; name: string; archived_at: string | null }[];
  subregions: { id: number; name: string; region_id: number }[];
}

/** The fields of a plan, for the "new" and the "edit" form. */
export function PlanFormFields({ choices }: { choices: PlanChoices }) {
  const { t } = useTranslation();
  const inRegion = useInChosenRegion();
  const archived = (row: { name: string; archived_at: string | null }) =>
    row.archived_at ? `${row.name} ${t("themes.plan.archivedReference")}` : row.name;
  return (
    <>
      <TextField name="name" label={t("themes.fields.name")} autoComplete="off" required />
      <SelectField
        name="theme_id"
        label={t("themes.fields.theme")}
        required
        options={[
          { value: "", label: t("common.form.choose") },
          ...choices.themes.filter(inRegion).map((theme) => ({ value: String(theme.id), label: archived(theme) })),
        ]}
      />
      <FundingMarkerChoices />
      <SelectField
        name="lead_organisation_id"
        label={t("themes.fields.leadOrganisation")}
        options={[
          { value: "", label: t("common.form.none") },
          ...choices.organisations.map((organisation) => ({
            value: String(organisation.id),
            label: archived(organisation),
          })),
        ]}
      />
      <SubregionChoices subregions={choices.subregions.filter(inRegion)} hint={t("governance.subregions.planHint")} />
      <TextAreaField name="description" label={t("themes.fields.description")} />
    </>
  );
}

/** Column → label, for the list of what someone else changed meanwhile. */
export function useThemeFieldLabels(): Record<string, string> {
  const { t } = useTranslation();
  return {
    name: t("themes.fields.name"),
    kind: t("themes.fields.kind"),
    description: t("themes.fields.description"),
    archived_at: t("themes.fields.archivedAt"),
  };
}

export function usePlanFieldLabels(): Record<string, string> {
  const { t } = useTranslation();
  return {
    name: t("themes.fields.name"),
    theme_id: t("themes.fields.theme"),
    funding_markers: t("governance.funding.legend"),
    lead_organisation_id: t("themes.fields.leadOrganisation"),
    subregion_ids: t("governance.subregions.legend"),
    description: t("themes.fields.description"),
    archived_at: t("themes.fields.archivedAt"),
  };
}

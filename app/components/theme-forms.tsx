import { useTranslation } from "react-i18next";
import { FUNDING_STATUSES, type Language, THEME_KINDS } from "../../db/schema";
import { formatMoment } from "../i18n/format";
import { archiveSchemas } from "../services/theme-forms";
import {
  CheckboxField,
  type FormActionData,
  HiddenField,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  ValidatedForm,
} from "./form";

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
  themes: { id: number; name: string; archived_at: string | null }[];
  organisations: { id: number; name: string; archived_at: string | null }[];
  subregions: { id: number; name: string }[];
}

/** The fields of a plan, for the "new" and the "edit" form. */
export function PlanFormFields({ choices }: { choices: PlanChoices }) {
  const { t } = useTranslation();
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
          ...choices.themes.map((theme) => ({ value: String(theme.id), label: archived(theme) })),
        ]}
      />
      <SelectField
        name="funding_status"
        label={t("themes.fields.fundingStatus")}
        required
        options={[
          { value: "", label: t("common.form.choose") },
          ...FUNDING_STATUSES.map((status) => ({ value: status, label: t(`themes.funding.${status}`) })),
        ]}
      />
      <SelectField
        name="lead_organisation_id"
        label={t("themes.fields.leadOrganisation")}
        options={[
          { value: "", label: t("common.form.none") },
          ...choices.organisations.map((organisation) => ({ value: String(organisation.id), label: archived(organisation) })),
        ]}
      />
      <SelectField
        name="subregion_id"
        label={t("themes.fields.subregion")}
        options={[
          { value: "", label: t("themes.fields.wholeRegion") },
          ...choices.subregions.map((subregion) => ({ value: String(subregion.id), label: subregion.name })),
        ]}
      />
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
    funding_status: t("themes.fields.fundingStatus"),
    lead_organisation_id: t("themes.fields.leadOrganisation"),
    subregion_id: t("themes.fields.subregion"),
    description: t("themes.fields.description"),
    archived_at: t("themes.fields.archivedAt"),
  };
}

/**
 * Archive (behind a confirmation box) or, for an archived record, restore. Theme and plan
 * share the intents and their schemas' shape, so one set of schemas serves both.
 */
export function ArchiveSection({
  record,
  explanation,
  actionData,
  fieldLabels,
}: {
  record: { name: string; version: number; archived_at: string | null };
  explanation: string;
  /** the action's answer when it was about archiving, restoring or undoing */
  actionData: FormActionData | null;
  fieldLabels: Record<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  if (record.archived_at) {
    return (
      <section aria-labelledby="restore-heading" className="card space-y-4">
        <h2 id="restore-heading" className="text-lg font-semibold">
          {t("themes.edit.restoreHeading")}
        </h2>
        <p className="text-sm text-slate-700">{t("themes.edit.restoreText", { date: formatMoment(record.archived_at, language) })}</p>
        <ValidatedForm
          id="restore"
          key={`restore-${record.version}`}
          schema={archiveSchemas.restore.or(archiveSchemas.undo)}
          actionData={actionData}
          defaultValues={{ intent: "restore", version: record.version }}
          fieldLabels={fieldLabels}
        >
          <HiddenField name="intent" />
          <HiddenField name="version" />
          <SubmitButton className="btn-secondary">{t("themes.edit.restoreSubmit")}</SubmitButton>
        </ValidatedForm>
      </section>
    );
  }
  return (
    <section aria-labelledby="archive-heading" className="card space-y-4">
      <h2 id="archive-heading" className="text-lg font-semibold">
        {t("themes.edit.archiveHeading")}
      </h2>
      <p className="text-sm text-slate-700">{explanation}</p>
      <ValidatedForm
        id="archive"
        key={`archive-${record.version}`}
        schema={archiveSchemas.archive}
        actionData={actionData}
        defaultValues={{ intent: "archive", version: record.version }}
        fieldLabels={fieldLabels}
        className="space-y-4"
      >
        <HiddenField name="intent" />
        <HiddenField name="version" />
        <CheckboxField name="confirm" label={t("themes.edit.archiveConfirm", { name: record.name })} />
        <SubmitButton className="btn-danger">{t("themes.edit.archiveSubmit")}</SubmitButton>
      </ValidatedForm>
    </section>
  );
}

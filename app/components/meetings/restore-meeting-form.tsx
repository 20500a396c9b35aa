import { useTranslation } from "react-i18next";
import { type FormActionData, HiddenField, SubmitButton, ValidatedForm } from "../form";
import { restoreSchema } from "../../services/meeting-form";

/** For a cancelled meeting: bring it back as planned. */
export function RestoreMeetingForm({
  version,
  refusal,
  fieldLabels,
}: {
  version: number;
  refusal: FormActionData | null;
  fieldLabels: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="restore-heading" className="card space-y-4">
      <h2 id="restore-heading" className="text-lg font-semibold">
        {t("meetings.edit.restoreHeading")}
      </h2>
      <p className="text-sm text-slate-700">{t("meetings.edit.restoreText")}</p>
      <ValidatedForm
        id="restore-meeting"
        key={`restore-${version}`}
        schema={restoreSchema}
        actionData={refusal}
        fieldLabels={fieldLabels}
        defaultValues={{ intent: "restore", version, status: "gepland" }}
      >
        <HiddenField name="intent" />
        <HiddenField name="version" />
        <HiddenField name="status" />
        <SubmitButton className="btn-secondary">{t("meetings.edit.restoreSubmit")}</SubmitButton>
      </ValidatedForm>
    </section>
  );
}

import { useTranslation } from "react-i18next";
import { importSchema, undoSchema } from "../../services/import-forms";
import { CheckboxField, type FormActionData, HiddenField, SubmitButton, ValidatedForm } from "../form";

/** The confirmation before the import: only offered when no row has an error. */
export function ImportConfirmForm({ version, actionData }: { version: number; actionData: FormActionData | null }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="confirm-heading" className="card space-y-3">
      <h2 id="confirm-heading" className="text-lg font-semibold">
        {t("import.confirm.heading")}
      </h2>
      <ValidatedForm
        id="import"
        schema={importSchema}
        actionData={actionData}
        defaultValues={{ intent: "import", version }}
        className="space-y-3"
      >
        <HiddenField name="intent" />
        <HiddenField name="version" />
        <CheckboxField name="confirm" label={t("import.confirm.label")} />
        <SubmitButton>{t("import.confirm.submit")}</SubmitButton>
      </ValidatedForm>
    </section>
  );
}

/** Undoing a whole import, confirmed: refused by the server, naming the record, once anything touched it. */
export function ImportUndoForm({ version, actionData }: { version: number; actionData: FormActionData | null }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="undo-heading" className="card space-y-3">
      <h2 id="undo-heading" className="text-lg font-semibold">
        {t("import.undo.heading")}
      </h2>
      <p className="max-w-3xl">{t("import.undo.intro")}</p>
      <ValidatedForm
        id="undo"
        schema={undoSchema}
        actionData={actionData}
        defaultValues={{ intent: "undo", version }}
        className="space-y-3"
      >
        <HiddenField name="intent" />
        <HiddenField name="version" />
        <CheckboxField name="confirm" label={t("import.undo.label")} />
        <SubmitButton className="btn-danger">{t("import.undo.submit")}</SubmitButton>
      </ValidatedForm>
    </section>
  );
}

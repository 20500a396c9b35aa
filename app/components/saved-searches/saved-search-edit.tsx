import { useTranslation } from "react-i18next";
import { archiveSchema, renameSchema } from "../../services/saved-search-forms";
import { CheckboxField, type FormActionData, HiddenField, SubmitButton, TextField, ValidatedForm } from "../form";

/** A current saved search's forms, folded away: renaming it, and archiving it after confirming. */
export function SavedSearchEdit({
  search,
  renameRefusal,
  archiveRefusal,
  fieldLabels,
}: {
  search: { id: number; name: string; version: number };
  renameRefusal: FormActionData | null;
  archiveRefusal: FormActionData | null;
  /** column name → label, for what others changed meanwhile */
  fieldLabels: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <details open={(renameRefusal ?? archiveRefusal) !== null} className="text-sm">
      <summary
        className="cursor-pointer font-medium"
        aria-label={t("savedSearches.edit.summaryLabel", { name: search.name })}
      >
        {t("savedSearches.edit.summary")}
      </summary>
      <div className="mt-3 space-y-4">
        <ValidatedForm
          id={`rename-${search.id}`}
          key={`rename-${search.id}-${search.version}`}
          schema={renameSchema}
          actionData={renameRefusal}
          fieldLabels={fieldLabels}
          defaultValues={{ intent: "rename", id: search.id, version: search.version, name: search.name }}
          className="flex flex-wrap items-end gap-3"
        >
          <HiddenField name="intent" />
          <HiddenField name="id" />
          <HiddenField name="version" />
          <TextField
            name="name"
            label={t("savedSearches.edit.name")}
            autoComplete="off"
            className="min-w-48 flex-1"
            required
          />
          <SubmitButton className="btn-secondary">{t("savedSearches.edit.renameSubmit")}</SubmitButton>
        </ValidatedForm>
        <ValidatedForm
          id={`archive-${search.id}`}
          key={`archive-${search.id}-${search.version}`}
          schema={archiveSchema}
          actionData={archiveRefusal}
          fieldLabels={fieldLabels}
          defaultValues={{ intent: "archive", id: search.id, version: search.version }}
          className="space-y-3"
        >
          <HiddenField name="intent" />
          <HiddenField name="id" />
          <HiddenField name="version" />
          <p className="text-slate-700">{t("savedSearches.edit.archiveText")}</p>
          <CheckboxField name="confirm" label={t("savedSearches.edit.archiveConfirm", { name: search.name })} />
          <SubmitButton className="btn-danger">{t("savedSearches.edit.archiveSubmit")}</SubmitButton>
        </ValidatedForm>
      </div>
    </details>
  );
}

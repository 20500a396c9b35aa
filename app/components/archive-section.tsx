import type { ReactNode } from "react";
import type { ArchiveSchemas } from "../services/archive-forms";
import { CheckboxField, type FormActionData, HiddenField, SubmitButton, ValidatedForm } from "./form";

export interface ArchiveTexts {
  archiveHeading: string;
  archiveConfirm: string;
  archiveSubmit: string;
  restoreHeading: string;
  /** says when it was archived */
  restoreText: string;
  restoreSubmit: string;
}

/**
 * The last section of an edit page: archive (with a confirmation box) while the record is in use,
 * restore once it is archived. `children` explain what archiving does to this kind of record.
 */
export function ArchiveSection({
  formId,
  record,
  schemas,
  texts,
  actionData,
  fieldLabels,
  children,
}: {
  /** the forms are `archive-<formId>` and `restore-<formId>` */
  formId: string;
  record: { version: number; archived_at: string | null };
  schemas: ArchiveSchemas;
  texts: ArchiveTexts;
  /** the action's answer to this section's form, if it was about archiving or restoring */
  actionData: FormActionData | null;
  fieldLabels: Record<string, string>;
  children: ReactNode;
}) {
  if (record.archived_at) {
    return (
      <section aria-labelledby="restore-heading" className="card space-y-4">
        <h2 id="restore-heading" className="text-lg font-semibold">
          {texts.restoreHeading}
        </h2>
        <p className="text-sm text-slate-700">{texts.restoreText}</p>
        <ValidatedForm
          id={`restore-${formId}`}
          key={`restore-${record.version}`}
          schema={schemas.restore}
          actionData={actionData}
          defaultValues={{ intent: "restore", version: record.version }}
          fieldLabels={fieldLabels}
        >
          <HiddenField name="intent" />
          <HiddenField name="version" />
          <SubmitButton className="btn-secondary">{texts.restoreSubmit}</SubmitButton>
        </ValidatedForm>
      </section>
    );
  }
  return (
    <section aria-labelledby="archive-heading" className="card space-y-4">
      <h2 id="archive-heading" className="text-lg font-semibold">
        {texts.archiveHeading}
      </h2>
      {children}
      <ValidatedForm
        id={`archive-${formId}`}
        key={`archive-${record.version}`}
        schema={schemas.archive}
        actionData={actionData}
        defaultValues={{ intent: "archive", version: record.version }}
        fieldLabels={fieldLabels}
        className="space-y-4"
      >
        <HiddenField name="intent" />
        <HiddenField name="version" />
        <CheckboxField name="confirm" label={texts.archiveConfirm} />
        <SubmitButton className="btn-danger">{texts.archiveSubmit}</SubmitButton>
      </ValidatedForm>
    </section>
  );
}

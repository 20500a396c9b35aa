import { useTranslation } from "react-i18next";
import {
  addEmailSchema,
  clearBounceSchema,
  primaryEmailSchema,
  removeEmailSchema,
} from "../../services/person-edit-forms";
import { CheckboxField, type FormActionData, HiddenField, SubmitButton, TextField, ValidatedForm } from "../form";
import { BounceFlag } from "./bounce-flag";

export interface EditableEmail {
  id: number;
  email: string;
  is_primary: number;
  /** mail to it bounced: flagged until corrected */
  bounced_at: string | null;
  bounce_reason: string | null;
}

type EmailIntent = "addEmail" | "primaryEmail" | "removeEmail" | "clearBounce";

/**
 * The "E-mailadressen" section of a person's edit page: each address with its own forms to make
 * it the primary one or remove it (and, when mail to it bounced, to say it works after all), then
 * the form that adds one.
 */
export function EmailAddressesSection({
  version,
  emails,
  removedAudit,
  answerFor,
  fieldLabels,
}: {
  /** the person's version: the addresses change under it */
  version: number;
  emails: readonly EditableEmail[];
  /** the removal the page offers to undo: the add form starts empty again after it */
  removedAudit: number | null;
  /** the action's refusal of a form (`emailId` for the forms of one address) */
  answerFor: (intent: EmailIntent, emailId?: string) => FormActionData | null;
  /** names of the person's fields, for the list of what someone else changed meanwhile */
  fieldLabels: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="emails-heading" className="card space-y-4">
      <h2 id="emails-heading" className="text-lg font-semibold">
        {t("people.edit.emailsHeading")}
      </h2>
      {emails.some((e) => e.bounced_at) ? <p className="text-sm">{t("people.bounce.hint")}</p> : null}
      {emails.length === 0 ? (
        <p className="text-sm">{t("people.page.noEmails")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 text-sm">
          {emails.map((e) => (
            <li key={e.id} className="flex flex-wrap items-start gap-3 py-2">
              <span className="min-w-0 flex-1 break-all pt-2">
                {e.email}
                {e.is_primary ? (
                  <span className="ml-2 rounded bg-brand-100 px-2 py-0.5 text-xs font-semibold text-brand-900">
                    {t("people.edit.primary")}
                  </span>
                ) : null}
                {e.bounced_at ? <BounceFlag bouncedAt={e.bounced_at} reason={e.bounce_reason} /> : null}
              </span>
              {e.bounced_at ? (
                <AddressForm
                  idPrefix="works"
                  intent="clearBounce"
                  schema={clearBounceSchema}
                  email={e}
                  label={t("people.bounce.works")}
                  version={version}
                  answerFor={answerFor}
                  fieldLabels={fieldLabels}
                />
              ) : null}
              {e.is_primary ? null : (
                <AddressForm
                  idPrefix="primary"
                  intent="primaryEmail"
                  schema={primaryEmailSchema}
                  email={e}
                  label={t("people.edit.makePrimary")}
                  version={version}
                  answerFor={answerFor}
                  fieldLabels={fieldLabels}
                />
              )}
              <AddressForm
                idPrefix="remove"
                intent="removeEmail"
                schema={removeEmailSchema}
                email={e}
                label={t("people.edit.remove")}
                version={version}
                answerFor={answerFor}
                fieldLabels={fieldLabels}
              />
            </li>
          ))}
        </ul>
      )}
      <h3 className="font-semibold">{t("people.edit.addEmailHeading")}</h3>
      <ValidatedForm
        id="add-email"
        key={`add-email-${emails.length}-${removedAudit ?? ""}`}
        schema={addEmailSchema}
        actionData={answerFor("addEmail")}
        defaultValues={{ intent: "addEmail", version }}
        fieldLabels={fieldLabels}
        className="space-y-3"
      >
        <HiddenField name="intent" />
        <HiddenField name="version" />
        <TextField name="email" type="email" label={t("people.fields.email")} autoComplete="off" required />
        {emails.length > 0 ? <CheckboxField name="primary" label={t("people.edit.makePrimaryOnAdd")} /> : null}
        <SubmitButton className="btn-secondary">{t("people.edit.addEmailSubmit")}</SubmitButton>
      </ValidatedForm>
    </section>
  );
}

/** One address's own form: a button (named with the address for screen readers) that posts its intent. */
function AddressForm({
  idPrefix,
  intent,
  schema,
  email,
  label,
  version,
  answerFor,
  fieldLabels,
}: {
  idPrefix: string;
  intent: Exclude<EmailIntent, "addEmail">;
  schema: typeof primaryEmailSchema | typeof removeEmailSchema | typeof clearBounceSchema;
  email: EditableEmail;
  label: string;
  version: number;
  answerFor: (intent: EmailIntent, emailId?: string) => FormActionData | null;
  fieldLabels: Record<string, string>;
}) {
  return (
    <ValidatedForm
      id={`${idPrefix}-${email.id}`}
      schema={schema}
      actionData={answerFor(intent, String(email.id))}
      defaultValues={{ intent, version, emailId: email.id }}
      fieldLabels={fieldLabels}
    >
      <HiddenField name="intent" />
      <HiddenField name="version" />
      <HiddenField name="emailId" />
      <SubmitButton className="btn-secondary">
        {label}
        <span className="sr-only">: {email.email}</span>
      </SubmitButton>
    </ValidatedForm>
  );
}

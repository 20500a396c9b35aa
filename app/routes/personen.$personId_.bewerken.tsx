import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CONSENT_PURPOSES, type Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import {
  CheckboxField,
  HiddenField,
  RadioGroup,
  SubmitButton,
  SuccessNotice,
  TextField,
  UndoNotice,
  useMessage,
  ValidatedForm,
} from "../components/form";
import { ArchiveSection } from "../components/archive-section";
import { PersonFormFields, usePersonFieldLabels } from "../components/person-fields";
import { formatMoment, todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { StaleVersionError } from "../models/editing.server";
import {
  addPersonEmail,
  archivePerson,
  getPerson,
  makePrimaryEmail,
  recordConsent,
  removedEmail,
  removePersonEmail,
  restorePerson,
  undoEmailRemoval,
  updatePerson,
} from "../models/people.server";
import {
  checkbox,
  choice,
  emailAddress,
  FORM_ERROR,
  formFailure,
  isoDay,
  optionalText,
  parseForm,
  positiveInt,
} from "../services/form-data";
import { archiveSchemas } from "../services/archive-forms";
import { positiveIntFrom } from "../services/list-params";
import { displayName } from "../services/names";
import { personFields } from "../services/person-form";
import { refusalResponse } from "../services/refusal.server";
import { recordIdParam } from "../services/record-id";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t("people.edit.title", { name: displayName(data.person) }) : t("register.people.title"),
  );

const saveSchema = z.object({ intent: z.literal("save"), version: positiveInt(), ...personFields });

const addEmailSchema = z.object({ intent: z.literal("addEmail"), email: emailAddress(), primary: checkbox() });

const removeEmailSchema = z.object({ intent: z.literal("removeEmail"), emailId: positiveInt() });

const primaryEmailSchema = z.object({ intent: z.literal("primaryEmail"), emailId: positiveInt() });

const consentSchema = z.object({
  intent: z.literal("consent"),
  purpose: choice(CONSENT_PURPOSES),
  status: choice(["given", "withdrawn"]),
  recorded_on: isoDay(),
  source: optionalText(200),
});

const ARCHIVE_SCHEMAS = archiveSchemas("people.errors.confirmArchive");

/** The undo button of the notice after archiving a person or removing an address. */
const undoSchema = z.discriminatedUnion("wat", [
  z.object({ intent: z.literal("undo"), wat: z.literal("archive"), version: positiveInt() }),
  z.object({ intent: z.literal("undo"), wat: z.literal("email"), audit: positiveInt() }),
]);

const SCHEMAS = {
  save: saveSchema,
  addEmail: addEmailSchema,
  removeEmail: removeEmailSchema,
  primaryEmail: primaryEmailSchema,
  consent: consentSchema,
  ...ARCHIVE_SCHEMAS,
  undo: undoSchema,
} as const;
type Intent = keyof typeof SCHEMAS;
const isIntent = (value: unknown): value is Intent => typeof value === "string" && value in SCHEMAS;
/** The intents whose success the page confirms with a plain notice. */
const NOTICE_INTENTS = ["save", "addEmail", "primaryEmail", "consent", "restore", "undo"] as const;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requirePermission(request, context, "register.edit");
  const personId = recordIdParam(params.personId);
  const found = await getPerson(context.db, personId);
  if (!found) throw new Response(null, { status: 404, statusText: "Not Found" });
  const search = new URL(request.url).searchParams;
  const saved = search.get("opgeslagen");
  const removedAudit = positiveIntFrom(search, "verwijderd");
  const removed = removedAudit ? await removedEmail(context.db, personId, removedAudit) : null;
  return json({
    person: found.person,
    emails: found.emails,
    consentCount: found.consents.length,
    today: todayInAmsterdam(),
    saved: (NOTICE_INTENTS as readonly string[]).includes(saved ?? "")
      ? (saved as (typeof NOTICE_INTENTS)[number])
      : null,
    archivedVersion: found.person.archived_at ? (positiveIntFrom(search, "gearchiveerd") ?? null) : null,
    removed: removed && removedAudit ? { email: removed.email, audit: removedAudit } : null,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const me = await requirePermission(request, context, "register.edit");
  const personId = recordIdParam(params.personId);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (!isIntent(intent)) throw new Response(null, { status: 400, statusText: "Bad Request" });
  // the e-mail forms repeat per address: the id says which one a refusal belongs to
  const emailId = String(formData.get("emailId") ?? "");
  const parsed = parseForm(SCHEMAS[intent], formData);
  if (!parsed.ok) return json({ ...parsed, intent, emailId }, { status: 400 });

  const here = `/personen/${personId}/bewerken`;
  const db = context.db;
  const data = parsed.data;
  try {
    switch (data.intent) {
      case "save":
        await updatePerson(db, me, personId, data.version, data);
        break;
      case "addEmail":
        await addPersonEmail(db, me, personId, data.email, data.primary);
        break;
      case "removeEmail":
        return redirect(`${here}?verwijderd=${await removePersonEmail(db, me, personId, data.emailId)}`);
      case "primaryEmail":
        await makePrimaryEmail(db, me, personId, data.emailId);
        break;
      case "consent":
        await recordConsent(db, me, personId, data);
        break;
      case "archive":
        return redirect(`${here}?gearchiveerd=${(await archivePerson(db, me, personId, data.version)).version}`);
      case "restore":
        await restorePerson(db, me, personId, data.version);
        break;
      case "undo":
        if (data.wat === "archive") await restorePerson(db, me, personId, data.version);
        else await undoEmailRemoval(db, me, personId, data.audit);
        break;
    }
  } catch (error) {
    if (intent === "undo" && error instanceof StaleVersionError) {
      // an undo carries no typed input: say why it did not happen, the page shows the record as it is now
      return json(
        { ...formFailure(formData, { [FORM_ERROR]: "people.errors.undoStale" }), intent, emailId },
        { status: 409 },
      );
    }
    return refusalResponse(error, formData, { intent, emailId });
  }
  return redirect(`${here}?opgeslagen=${intent}`);
}

export default function EditPerson() {
  const { person, emails, consentCount, today, saved, archivedVersion, removed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const message = useMessage();
  const language = i18n.language as Language;
  const fieldLabels = usePersonFieldLabels();
  const name = displayName(person);
  const forForm = (intent: Intent, emailId = "") =>
    actionData?.intent === intent && actionData.emailId === emailId ? actionData : null;
  const savedText = {
    save: t("people.edit.saved"),
    addEmail: t("people.edit.emailAdded"),
    primaryEmail: t("people.edit.emailPrimary"),
    consent: t("people.consent.saved"),
    restore: t("people.edit.restored", { name }),
    undo: t("common.form.undone"),
  };
  const undoFailure = forForm("undo")?.errors?.[FORM_ERROR];
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to={`/personen/${person.id}`}>{t("people.edit.back", { name })}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("people.edit.title", { name })}</h1>
      </div>
      {undoFailure ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {message(undoFailure)}
        </p>
      ) : null}
      {saved ? <SuccessNotice>{savedText[saved]}</SuccessNotice> : null}
      {archivedVersion ? (
        <UndoNotice fields={{ wat: "archive", version: archivedVersion }}>
          {t("people.edit.archived", { name })}
        </UndoNotice>
      ) : null}
      {removed ? (
        <UndoNotice fields={{ wat: "email", audit: removed.audit }}>
          {t("people.edit.emailRemoved", { email: removed.email })}
        </UndoNotice>
      ) : null}

      <section aria-labelledby="details-heading" className="card space-y-4">
        <h2 id="details-heading" className="text-lg font-semibold">
          {t("people.edit.detailsHeading")}
        </h2>
        <ValidatedForm
          id="edit-person"
          key={`save-${person.version}`}
          schema={saveSchema}
          actionData={forForm("save")}
          fieldLabels={fieldLabels}
          defaultValues={{
            intent: "save",
            version: person.version,
            first_name: person.first_name,
            infix: person.infix,
            last_name: person.last_name,
            initials: person.initials,
            salutation: person.salutation,
            title: person.title,
            phone: person.phone,
            preferred_language: person.preferred_language,
            notes: person.notes,
          }}
          className="space-y-4"
        >
          <HiddenField name="intent" />
          <HiddenField name="version" />
          <PersonFormFields />
          <SubmitButton>{t("common.actions.save")}</SubmitButton>
        </ValidatedForm>
      </section>

      <section aria-labelledby="emails-heading" className="card space-y-4">
        <h2 id="emails-heading" className="text-lg font-semibold">
          {t("people.edit.emailsHeading")}
        </h2>
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
                </span>
                {e.is_primary ? null : (
                  <ValidatedForm
                    id={`primary-${e.id}`}
                    schema={primaryEmailSchema}
                    actionData={forForm("primaryEmail", String(e.id))}
                    defaultValues={{ intent: "primaryEmail", emailId: e.id }}
                  >
                    <HiddenField name="intent" />
                    <HiddenField name="emailId" />
                    <SubmitButton className="btn-secondary">
                      {t("people.edit.makePrimary")}
                      <span className="sr-only">: {e.email}</span>
                    </SubmitButton>
                  </ValidatedForm>
                )}
                <ValidatedForm
                  id={`remove-${e.id}`}
                  schema={removeEmailSchema}
                  actionData={forForm("removeEmail", String(e.id))}
                  defaultValues={{ intent: "removeEmail", emailId: e.id }}
                >
                  <HiddenField name="intent" />
                  <HiddenField name="emailId" />
                  <SubmitButton className="btn-secondary">
                    {t("people.edit.remove")}
                    <span className="sr-only">: {e.email}</span>
                  </SubmitButton>
                </ValidatedForm>
              </li>
            ))}
          </ul>
        )}
        <h3 className="font-semibold">{t("people.edit.addEmailHeading")}</h3>
        <ValidatedForm
          id="add-email"
          key={`add-email-${emails.length}-${removed?.audit ?? ""}`}
          schema={addEmailSchema}
          actionData={forForm("addEmail")}
          defaultValues={{ intent: "addEmail" }}
          className="space-y-3"
        >
          <HiddenField name="intent" />
          <TextField name="email" type="email" label={t("people.fields.email")} autoComplete="off" required />
          {emails.length > 0 ? <CheckboxField name="primary" label={t("people.edit.makePrimaryOnAdd")} /> : null}
          <SubmitButton className="btn-secondary">{t("people.edit.addEmailSubmit")}</SubmitButton>
        </ValidatedForm>
      </section>

      <section aria-labelledby="consent-heading" className="card space-y-4">
        <h2 id="consent-heading" className="text-lg font-semibold">
          {t("people.consent.heading")}
        </h2>
        <p className="text-sm text-slate-700">{t("people.consent.intro")}</p>
        <ValidatedForm
          id="consent"
          key={`consent-${consentCount}`}
          schema={consentSchema}
          actionData={forForm("consent")}
          defaultValues={{ intent: "consent", recorded_on: today }}
          className="space-y-4"
        >
          <HiddenField name="intent" />
          <RadioGroup
            name="purpose"
            legend={t("people.consent.purpose")}
            options={CONSENT_PURPOSES.map((purpose) => ({ value: purpose, label: t(`register.consent.${purpose}`) }))}
          />
          <RadioGroup
            name="status"
            legend={t("people.consent.status")}
            options={(["given", "withdrawn"] as const).map((status) => ({
              value: status,
              label: t(`register.consent.${status}`),
            }))}
          />
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <TextField name="recorded_on" type="date" label={t("people.consent.recorded_on")} required />
            <TextField
              name="source"
              label={t("people.consent.source")}
              hint={t("people.consent.sourceHint")}
              autoComplete="off"
            />
          </div>
          <SubmitButton className="btn-secondary">{t("people.consent.submit")}</SubmitButton>
        </ValidatedForm>
      </section>

      <ArchiveSection
        formId="person"
        record={person}
        schemas={ARCHIVE_SCHEMAS}
        texts={{
          archiveHeading: t("people.edit.archiveHeading"),
          archiveConfirm: t("people.edit.archiveConfirm", { name: name }),
          archiveSubmit: t("people.edit.archiveSubmit"),
          restoreHeading: t("people.edit.restoreHeading"),
          restoreText: t("people.edit.restoreText", { name, date: formatMoment(person.archived_at ?? "", language) }),
          restoreSubmit: t("people.edit.restoreSubmit"),
        }}
        actionData={forForm(person.archived_at ? "restore" : "archive")}
        fieldLabels={fieldLabels}
      >
        <p className="text-sm text-slate-700">{t("people.edit.archiveText")}</p>
      </ArchiveSection>
    </div>
  );
}

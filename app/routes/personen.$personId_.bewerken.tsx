import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { regionsOfPerson } from "../models/record-regions.server";
import { ArchiveSection } from "../components/archive-section";
import { ConsentForm } from "../components/people/consent-form";
import { EmailAddressesSection } from "../components/people/email-addresses-section";
import { PersonDetailsForm } from "../components/people/person-details-form";
import { PersonEditNotices } from "../components/people/person-edit-notices";
import { UndoRefusal } from "../components/people/undo-refusal";
import { usePersonFieldLabels } from "../components/person-fields";
import { formatMoment, todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { getPerson, removedEmail } from "../models/people.server";
import { FORM_ERROR, parseForm } from "../services/form-data";
import { positiveIntFrom } from "../services/list-params";
import { displayName } from "../services/names";
import { noticeFrom } from "../services/notices";
import {
  answerForPersonForm,
  isPersonEditIntent,
  PERSON_ARCHIVE_SCHEMAS,
  PERSON_EDIT_SCHEMAS,
  type PersonEditAnswer,
  type PersonEditForm,
  PERSON_EDIT_NOTICES,
} from "../services/person-edit-forms";
import { personEditRefusal, savePersonEdit } from "../services/person-edit.server";
import { recordIdParam } from "../services/record-id";
import { redirectIfMerged } from "../services/merge-page.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t("people.edit.title", { name: displayName(data.person) }) : t("register.people.title"),
  );

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const personId = recordIdParam(params.personId);
  await requirePermission(request, context, "register.edit", { record: regionsOfPerson(personId) });
  const found = await getPerson(context.db, personId);
  if (!found) throw new Response(null, { status: 404, statusText: "Not Found" });
  await redirectIfMerged(context, "people", personId);
  // an erased person is history only: their page says so, and nothing of theirs is edited back in
  if (found.person.erased_at) throw redirect(`/personen/${personId}`);
  const search = new URL(request.url).searchParams;
  const notice = noticeFrom(search, PERSON_EDIT_NOTICES);
  const removedAudit = notice === "verwijderd" ? positiveIntFrom(search, "logboek") : undefined;
  const removed = removedAudit ? await removedEmail(context.db, personId, removedAudit) : null;
  return json({
    person: found.person,
    emails: found.emails,
    consentCount: found.consents.length,
    today: todayInAmsterdam(),
    notice,
    archivedVersion:
      notice === "gearchiveerd" && found.person.archived_at ? (positiveIntFrom(search, "versie") ?? null) : null,
    removed: removed && removedAudit ? { email: removed.email, audit: removedAudit } : null,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const personId = recordIdParam(params.personId);
  const me = await requirePermission(request, context, "register.edit", { record: regionsOfPerson(personId) });
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (!isPersonEditIntent(intent)) throw new Response(null, { status: 400, statusText: "Bad Request" });
  const emailId = formData.get("emailId");
  const form: PersonEditForm = { intent, emailId: typeof emailId === "string" ? emailId : "" };
  const parsed = parseForm(PERSON_EDIT_SCHEMAS[intent], formData);
  if (!parsed.ok) return json<PersonEditAnswer>({ ...parsed, ...form }, { status: 400 });
  try {
    return redirect(await savePersonEdit(context.db, me, personId, parsed.data));
  } catch (error) {
    return personEditRefusal(error, formData, form);
  }
}

export default function EditPerson() {
  const { person, emails, consentCount, today, notice, archivedVersion, removed } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const fieldLabels = usePersonFieldLabels();
  const name = displayName(person);
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to={`/personen/${person.id}`}>{t("people.edit.back", { name })}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("people.edit.title", { name })}</h1>
      </div>
      <UndoRefusal messageKey={answerForPersonForm(answer, "undo")?.errors[FORM_ERROR]} />
      <PersonEditNotices name={name} notice={notice} archivedVersion={archivedVersion} removed={removed} />

      <PersonDetailsForm person={person} answer={answerForPersonForm(answer, "save")} fieldLabels={fieldLabels} />
      <EmailAddressesSection
        version={person.version}
        emails={emails}
        removedAudit={removed?.audit ?? null}
        answerFor={(intent, emailId) => answerForPersonForm(answer, intent, emailId)}
        fieldLabels={fieldLabels}
      />
      <ConsentForm
        version={person.version}
        consentCount={consentCount}
        today={today}
        answer={answerForPersonForm(answer, "consent")}
        fieldLabels={fieldLabels}
      />

      <ArchiveSection
        formId="person"
        record={person}
        schemas={PERSON_ARCHIVE_SCHEMAS}
        texts={{
          archiveHeading: t("people.edit.archiveHeading"),
          archiveConfirm: t("people.edit.archiveConfirm", { name: name }),
          archiveSubmit: t("people.edit.archiveSubmit"),
          restoreHeading: t("people.edit.restoreHeading"),
          restoreText: t("people.edit.restoreText", { name, date: formatMoment(person.archived_at ?? "", language) }),
          restoreSubmit: t("people.edit.restoreSubmit"),
        }}
        actionData={answerForPersonForm(answer, person.archived_at ? "restore" : "archive")}
        fieldLabels={fieldLabels}
      >
        <p className="text-sm text-slate-700">{t("people.edit.archiveText")}</p>
      </ArchiveSection>
    </div>
  );
}

import { json, type TypedResponse } from "@remix-run/node";
import type { DB } from "../../db/index";
import type { Actor } from "../models/audit.server";
import { clearBounce } from "../models/bounces.server";
import { StaleVersionError } from "../models/editing.server";
import {
  addPersonEmail,
  archivePerson,
  makePrimaryEmail,
  recordConsent,
  removePersonEmail,
  restorePerson,
  undoEmailRemoval,
  updatePerson,
} from "../models/people.server";
import { FORM_ERROR, formFailure } from "./form-data";
import { withNotice } from "./notices";
import type {
  EmailOrConsentSubmission,
  PersonEditAnswer,
  PersonEditForm,
  PersonEditSubmission,
} from "./person-edit-forms";
import { refusalResponse } from "./refusal.server";

const editPage = (personId: number) => `/personen/${personId}/bewerken`;

/**
 * Saves what one form of the edit page submitted. Returns where the page goes next: back to
 * itself, with the notice to show (and for an archive or a removal, what its undo needs).
 */
export async function savePersonEdit(
  db: DB,
  me: Actor,
  personId: number,
  submission: PersonEditSubmission,
): Promise<string> {
  const here = editPage(personId);
  switch (submission.intent) {
    case "save":
      await updatePerson(db, me, personId, submission.version, submission);
      return withNotice(here, "opgeslagen");
    case "archive": {
      const archived = await archivePerson(db, me, personId, submission.version);
      return withNotice(here, "gearchiveerd", { versie: archived.version });
    }
    case "restore":
      await restorePerson(db, me, personId, submission.version);
      return withNotice(here, "hersteld");
    case "undo":
      if (submission.wat === "archive") await restorePerson(db, me, personId, submission.version);
      else await undoEmailRemoval(db, me, personId, null, submission.audit);
      return withNotice(here, "ongedaan");
    default:
      return saveEmailOrConsent(db, me, personId, submission);
  }
}

/** The e-mail address and consent forms: the one place that saves them. Returns where the page goes next. */
async function saveEmailOrConsent(
  db: DB,
  me: Actor,
  personId: number,
  submission: EmailOrConsentSubmission,
): Promise<string> {
  const here = editPage(personId);
  switch (submission.intent) {
    case "addEmail":
      await addPersonEmail(db, me, personId, submission.version, submission.email, submission.primary);
      return withNotice(here, "toegevoegd");
    case "removeEmail": {
      const audit = await removePersonEmail(db, me, personId, submission.version, submission.emailId);
      return withNotice(here, "verwijderd", { logboek: audit });
    }
    case "primaryEmail":
      await makePrimaryEmail(db, me, personId, submission.version, submission.emailId);
      return withNotice(here, "primair");
    case "clearBounce":
      await clearBounce(db, me, personId, submission.version, submission.emailId);
      return withNotice(here, "werktWeer");
    case "consent":
      await recordConsent(db, me, personId, submission.version, submission);
      return withNotice(here, "toestemming");
  }
}

/** A model's refusal of a form as the page's answer; anything that is no refusal is thrown on. */
export function personEditRefusal(
  error: unknown,
  formData: FormData,
  form: PersonEditForm,
): TypedResponse<PersonEditAnswer> {
  if (form.intent === "undo" && error instanceof StaleVersionError) {
    // an undo carries no typed input: say why it did not happen, the page shows the record as it is now
    return json({ ...formFailure(formData, { [FORM_ERROR]: "people.errors.undoStale" }), ...form }, { status: 409 });
  }
  return refusalResponse(error, formData, form);
}

import { json, type TypedResponse } from "@remix-run/node";
import type { DB } from "../../db/index";
import { addAffiliation, endAffiliation, undoAffiliationEnd, updateAffiliation } from "../models/affiliations.server";
import type { Actor } from "../models/audit.server";
import { StaleVersionError } from "../models/editing.server";
import { FORM_ERROR, formFailure } from "./form-data";
import { withNotice } from "./notices";
import type { JobAnswer, JobForm, JobSubmission } from "./person-job-forms";
import { refusalResponse } from "./refusal.server";

/**
 * Saves what one form of a person's jobs page submitted. Returns where the page goes next: back
 * to itself, with the notice to show (and after an end, what its undo needs).
 */
export async function saveJob(db: DB, me: Actor, personId: number, submission: JobSubmission): Promise<string> {
  const here = `/personen/${personId}/functies`;
  switch (submission.intent) {
    case "add":
      await addAffiliation(db, me, personId, submission);
      return withNotice(here, "toegevoegd");
    case "edit":
      await updateAffiliation(db, me, personId, submission.affiliationId, submission.version, submission);
      return withNotice(here, "opgeslagen");
    case "end": {
      const ended = await endAffiliation(
        db,
        me,
        personId,
        submission.affiliationId,
        submission.version,
        submission.end_date,
      );
      return withNotice(here, "beeindigd", { id: ended.id, versie: ended.version });
    }
    case "undo":
      await undoAffiliationEnd(db, me, personId, submission.affiliationId, submission.version);
      return withNotice(here, "ongedaan", { id: submission.affiliationId });
  }
}

/** A model's refusal of a form as the page's answer; anything that is no refusal is thrown on. */
export function jobRefusal(error: unknown, formData: FormData, form: JobForm): TypedResponse<JobAnswer> {
  if (form.intent === "undo" && error instanceof StaleVersionError) {
    // an undo carries no typed input: say why it did not happen, the page shows the job as it is now
    return json({ ...formFailure(formData, { [FORM_ERROR]: "people.errors.undoStale" }), ...form }, { status: 409 });
  }
  return refusalResponse(error, formData, form);
}

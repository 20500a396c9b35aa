import { json } from "@remix-run/node";
import { RecordNotFoundError, RegisterError, StaleVersionError } from "../models/editing.server";
import { FORM_ERROR, type FormFailure, formFailure, messageKey, submittedValues } from "./form-data";

/**
 * Turns a model's refusal into the answer a form action gives: the form again, with what was
 * typed and why it was not saved. Anything else is not a refusal and is thrown on (a missing
 * record as 404). `extra` travels along (the form's intent, so the page knows which form it was).
 */
export function refusalResponse<E extends Record<string, unknown>>(error: unknown, formData: FormData, extra?: E) {
  if (error instanceof RecordNotFoundError) throw new Response(null, { status: 404, statusText: "Not Found" });
  if (error instanceof StaleVersionError) {
    // keep every character typed, but against the current version: saving again is a conscious overwrite
    const failure: FormFailure = {
      ok: false,
      values: { ...submittedValues(formData), version: String(error.currentVersion) },
      errors: { [FORM_ERROR]: messageKey("common.form.conflictText") },
      conflict: error.changes,
    };
    return json({ ...failure, ...(extra as E) }, { status: 409 });
  }
  if (error instanceof RegisterError) {
    const field = error.field ?? FORM_ERROR;
    const failure: FormFailure = {
      ...formFailure(formData, { [field]: error.messageKey }),
      ...(error.link ? { links: { [field]: error.link } } : {}),
    };
    return json({ ...failure, ...(extra as E) }, { status: 400 });
  }
  throw error;
}

/**
 * The routes that take an uploaded file, and how large a body each may send: the one exception to
 * the 1 MB limit on every request (app/server/security.ts limitRequestBody). A page with an upload
 * form states its limit, so the numbers live here, where both the server and the page read them.
 */

import { BOUNCE_LIST_MAX_BYTES } from "./bounce-addresses";
import { IMPORT_MAX_BYTES } from "./import-fields";

/**
 * A response file of the national wave (LimeSurvey's response export carries every answer of
 * ~17 000 members) runs to several megabytes; 20 MB leaves room without inviting abuse.
 */
export const RESPONSE_FILE_MAX_BYTES = 20 * 1024 * 1024;

/** `/onderzoek/:waveId/respons`, where response files are uploaded. */
const RESPONSE_UPLOAD_PATH = /^\/onderzoek\/\d+\/respons\/?$/;

/**
 * `/onderzoek/:waveId/mailing/:kind`, where a list of bounced addresses is uploaded. Its file may be
 * 1 MB (BOUNCE_LIST_MAX_BYTES), as the page says; the body may be twice that, so that a file somewhat
 * over the limit reaches the page's own refusal, in the reader's language and with the typed
 * addresses kept, instead of the bare 413 of a body over 1 MB.
 */
const BOUNCE_UPLOAD_PATH = /^\/onderzoek\/\d+\/mailing\/[a-z0-9-]+\/?$/;

/**
 * `/importeren`, where a spreadsheet is uploaded for import: its file may be IMPORT_MAX_BYTES, the
 * body twice that for the same reason as the bounce list's.
 */
const IMPORT_UPLOAD_PATH = /^\/importeren\/?$/;

export const UPLOAD_BODY_LIMITS: readonly { path: RegExp; maxBytes: number }[] = [
  { path: RESPONSE_UPLOAD_PATH, maxBytes: RESPONSE_FILE_MAX_BYTES },
  { path: BOUNCE_UPLOAD_PATH, maxBytes: 2 * BOUNCE_LIST_MAX_BYTES },
  { path: IMPORT_UPLOAD_PATH, maxBytes: 2 * IMPORT_MAX_BYTES },
];

/** "20 MB": a limit as the page states it. */
export function megabytesText(bytes: number, language: "nl" | "en"): string {
  const megabytes = bytes / (1024 * 1024);
  return `${megabytes.toLocaleString(language === "nl" ? "nl-NL" : "en-GB", { maximumFractionDigits: 1 })} MB`;
}

/**
 * The routes that take an uploaded file, and how large a body each may send: the one exception to
 * the 1 MB limit on every request (app/server/security.ts limitRequestBody). A page with an upload
 * form states its limit, so the numbers live here, where both the server and the page read them.
 */

/**
 * A response file of the national wave (LimeSurvey's response export carries every answer of
 * ~17 000 members) runs to several megabytes; 20 MB leaves room without inviting abuse.
 */
export const RESPONSE_FILE_MAX_BYTES = 20 * 1024 * 1024;

/** `/onderzoek/:waveId/respons`, where response files are uploaded. */
const RESPONSE_UPLOAD_PATH = /^\/onderzoek\/\d+\/respons\/?$/;

export const UPLOAD_BODY_LIMITS: readonly { path: RegExp; maxBytes: number }[] = [
  { path: RESPONSE_UPLOAD_PATH, maxBytes: RESPONSE_FILE_MAX_BYTES },
];

/** "20 MB": a limit as the page states it. */
export function megabytesText(bytes: number, language: "nl" | "en"): string {
  const megabytes = bytes / (1024 * 1024);
  return `${megabytes.toLocaleString(language === "nl" ? "nl-NL" : "en-GB", { maximumFractionDigits: 1 })} MB`;
}

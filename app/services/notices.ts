/**
 * The notice after a change. An action that changed something redirects to the page that shows
 * the result, naming what happened in one URL parameter; the page shows the text it has for that
 * notice (and, where the change can be taken back, an undo button). The set of notices is closed
 * and shared, so every page says the same thing the same way and a page cannot be asked for a
 * notice it has no text for. Notices are transient: only a redirect a moment before writes them.
 *
 * Browser-safe: the pages read notices in their loaders and map them to texts in their components.
 */

/** The one URL parameter that carries a notice. */
export const NOTICE_PARAM = "melding";

/** Every notice, one per kind of event; each page maps the ones it shows to its own texts. */
export const NOTICES = [
  /** a record was created (it is the page the reader lands on) */
  "aangemaakt",
  /** a form was saved */
  "opgeslagen",
  /** a record was archived; `versie`, where its undo needs it, is the version the archive produced */
  "gearchiveerd",
  /** a record was brought back: out of the archive, or a cancelled meeting planned again */
  "hersteld",
  /** an undo button did its work */
  "ongedaan",
  /** something was added: a seat, a job, an e-mail address, a user */
  "toegevoegd",
  /** an e-mail address, a region or a subregion was removed; `logboek` is the audit entry an undo takes back */
  "verwijderd",
  /** a job or seat was ended; `versie` is the version its undo works against */
  "beeindigd",
  /** a seat was moved to another organisation */
  "verplaatst",
  /** a vacancy was filled */
  "vervuld",
  /** a meeting was cancelled; `versie` and `was` (the status it had) are what its undo restores */
  "geannuleerd",
  /** a status was changed (a meeting's, a survey wave's) */
  "status",
  /** a survey wave's panel was frozen */
  "bevroren",
  /** a search on the people list was kept as a saved search */
  "bewaard",
  /** a saved search or a subregion was renamed */
  "hernoemd",
  /** a panel member was excluded after the freeze */
  "uitgesloten",
  /** a calendar link was revoked (its undo brings back the link `id` names) */
  "ingetrokken",
  /** a calendar link was replaced by a new one */
  "vervangen",
  /** everyone on an attendance register was marked present in one go */
  "iedereenAanwezig",
  /** an e-mail address was made a person's primary one */
  "primair",
  /** a consent was recorded */
  "toestemming",
  /** the reader's language preference was saved */
  "taal",
  /** the reader's password was changed */
  "wachtwoord",
  /** a user account was blocked */
  "geblokkeerd",
  /** a user account was unblocked */
  "gedeblokkeerd",
  /** a test message was sent to the signed-in user */
  "testbericht",
  /** a mailing was started (or planned to start at a moment) */
  "gestart",
  /** a mailing was paused */
  "gepauzeerd",
  /** a paused mailing was resumed */
  "hervat",
  /** the messages of unknown outcome were put back in the queue */
  "opnieuwVerstuurd",
  /** an e-mail address flagged as bounced was recorded as working again */
  "werktWeer",
  /** a person was erased at their request */
  "gewist",
  /** a duplicate was merged into the record shown; `id` is the merge its undo takes back */
  "samengevoegd",
  /** a merge was undone */
  "samenvoegingOngedaan",
  /** the address followed was a merged duplicate's; `id` names it */
  "doorverwezen",
  /** two records were marked as not the same (their undo takes back the mark `id` names) */
  "nietDezelfde",
  /** the reader was signed out after being idle too long (the login page says so) */
  "inactief",
] as const;

export type Notice = (typeof NOTICES)[number];

/**
 * What a notice may carry besides its name, each under one name on every page: `id` the record the
 * notice is about where the page must name it (a new seat, a job, a user, a calendar link, a saved
 * search, a series, a panel member), `versie` the version an undo works against, `logboek` the
 * audit entry an undo takes back, `was` the status a cancelled meeting had.
 */
export type NoticeDetail = "id" | "versie" | "logboek" | "was";

/** `path` (which may have a query of its own, such as a roster's day) with the notice and its details. */
export function withNotice(
  path: string,
  notice: Notice,
  details: Partial<Record<NoticeDetail, string | number>> = {},
): string {
  const queryStart = path.indexOf("?");
  const pathname = queryStart === -1 ? path : path.slice(0, queryStart);
  const search = new URLSearchParams(queryStart === -1 ? "" : path.slice(queryStart + 1));
  search.set(NOTICE_PARAM, notice);
  for (const [name, value] of Object.entries(details)) search.set(name, String(value));
  return `${pathname}?${search}`;
}

/** The notice the address names, if it is one of those the page shows; null otherwise. */
export function noticeFrom<N extends Notice>(search: URLSearchParams, shown: readonly N[]): N | null {
  const asked = search.get(NOTICE_PARAM);
  return shown.find((notice) => notice === asked) ?? null;
}

import { positiveIntFrom } from "./list-params";
import { type Notice, noticeFrom } from "./notices";
import { isIsoDay } from "./periods";

/**
 * How many changes the body page's history shows unless the reader asks for all of them. Here, not
 * in the model, because the page needs it in the browser too (a .server module is empty there).
 */
export const HISTORY_SHOWN = 50;

/** The parameter that shows a body's whole history instead of its latest changes, and its value. */
const HISTORY_PARAM = "geschiedenis";
const ALL_HISTORY = "alle";

/** What the body page says after a change that brought the reader here (app/routes/gremia.$bodyId.tsx has the texts). */
const ROSTER_NOTICES = [
  "aangemaakt",
  "opgeslagen",
  "toegevoegd",
  "verplaatst",
  "vervuld",
] as const satisfies readonly Notice[];
export type RosterNotice = (typeof ROSTER_NOTICES)[number];

/**
 * What a body page's address asks for: the roster of a day (today's, unless `datum` holds a day;
 * anything else there is mentioned as invalid), the whole history or only the latest changes, and
 * the notice and new seat of a change that brought the reader here.
 */
export function rosterView(search: URLSearchParams, today: string) {
  const asked = search.get("datum");
  return {
    onDay: asked && isIsoDay(asked) ? asked : today,
    invalidDate: asked && !isIsoDay(asked) ? asked : null,
    allHistory: search.get(HISTORY_PARAM) === ALL_HISTORY,
    notice: noticeFrom(search, ROSTER_NOTICES),
    // the seat the notice is about
    addedSeatId: positiveIntFrom(search, "id") ?? null,
  };
}

/** The body page's address showing the roster of `onDay` (no day for today's) and the whole history or the latest changes. */
export function rosterPageAddress(
  bodyId: number,
  { onDay, today, allHistory }: { onDay: string; today: string; allHistory: boolean },
): string {
  const search = new URLSearchParams({
    ...(onDay === today ? {} : { datum: onDay }),
    ...(allHistory ? { [HISTORY_PARAM]: ALL_HISTORY } : {}),
  }).toString();
  return search ? `/gremia/${bodyId}?${search}` : `/gremia/${bodyId}`;
}

import type { DB } from "../../db/index";
import type { Actor } from "../models/audit.server";
import { createFeed, type NewFeed, restoreFeed, revokeFeed } from "../models/calendar.server";
import type { CalendarFeedChange } from "./calendar-feed-forms";
import { withNotice } from "./notices";

/**
 * What a change of a body's calendar link leads to: a new link, whose address the page shows this
 * once (it is not stored), or the address the reader goes to next.
 */
export type FeedChangeOutcome = { made: NewFeed; replaced: boolean } | { redirectTo: string };

/** Makes the change a body's calendar page form asks for. */
export async function changeFeed(
  db: DB,
  actor: Actor,
  bodyId: number,
  change: CalendarFeedChange,
): Promise<FeedChangeOutcome> {
  const back = `/gremia/${bodyId}/agenda`;
  switch (change.intent) {
    case "create":
      return { made: await createFeed(db, actor, bodyId, null), replaced: false };
    case "replace":
      return { made: await createFeed(db, actor, bodyId, change.feed), replaced: true };
    case "revoke":
      await revokeFeed(db, actor, change.feed, bodyId);
      return { redirectTo: withNotice(back, "ingetrokken", { id: change.feed }) };
    case "undo":
      await restoreFeed(db, actor, change.feed, bodyId);
      return { redirectTo: withNotice(back, "ongedaan") };
  }
}

import type { DB } from "../../db/index";
import type { Actor } from "../models/audit.server";
import { createFeed, restoreFeed, revokeFeed } from "../models/calendar.server";
import type { CalendarFeedChange } from "./calendar-feed-forms";
import { withNotice } from "./notices";

/** Makes the change a body's calendar page form asks for; answers the address the reader goes to next. */
export async function changeFeed(db: DB, actor: Actor, bodyId: number, change: CalendarFeedChange): Promise<string> {
  const back = `/gremia/${bodyId}/agenda`;
  switch (change.intent) {
    case "create":
      await createFeed(db, actor, bodyId, null);
      return withNotice(back, "aangemaakt");
    case "replace":
      await createFeed(db, actor, bodyId, change.feed);
      return withNotice(back, "vervangen");
    case "revoke":
      await revokeFeed(db, actor, change.feed, bodyId);
      return withNotice(back, "ingetrokken", { id: change.feed });
    case "undo":
      await restoreFeed(db, actor, change.feed, bodyId);
      return withNotice(back, "ongedaan");
  }
}

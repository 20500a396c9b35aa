import type { DB } from "../../db/index";
import type { Actor } from "../models/audit.server";
import { archiveSavedSearch, renameSavedSearch, restoreSavedSearch } from "../models/saved-searches.server";
import { type Notice, withNotice } from "./notices";
import type { SavedSearchChange } from "./saved-search-forms";

/** Makes the change a saved searches form asks for; answers the address the reader goes to next. */
export async function changeSavedSearch(db: DB, actor: Actor, change: SavedSearchChange): Promise<string> {
  const done = (notice: Notice) => withNotice("/personen/zoekopdrachten", notice, { id: change.id });
  switch (change.intent) {
    case "rename":
      await renameSavedSearch(db, actor, change.id, change.version, change.name);
      return done("hernoemd");
    case "archive":
      await archiveSavedSearch(db, actor, change.id, change.version);
      return done("gearchiveerd");
    case "restore":
      await restoreSavedSearch(db, actor, change.id, change.version);
      return done("hersteld");
    case "undo":
      await restoreSavedSearch(db, actor, change.id, change.version);
      return done("ongedaan");
  }
}

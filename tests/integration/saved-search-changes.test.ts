import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { archiveSavedSearch, getSavedSearch, saveSearch } from "../../app/models/saved-searches.server";
import * as savedSearchesRoute from "../../app/routes/personen.zoekopdrachten";
import { createTestDatabase, formRequest, type TestDatabase, defaultRegionId } from "../support/db";
import { call, signedIn } from "../support/routes";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

const url = "/personen/zoekopdrachten";
const post = (cookie: string, fields: Record<string, string | number>) =>
  call(t.db, savedSearchesRoute.action, formRequest(url, fields, { cookie }));

describe("changing a saved search through /personen/zoekopdrachten", () => {
  it("renames it and says so", async () => {
    const { user, cookie } = await signedIn(t.db, "redacteur");
    const search = await saveSearch(t.db, user, "Jeugd", { q: "jeugd" }, await defaultRegionId(t.db));
    const renamed = await post(cookie, { intent: "rename", id: search.id, version: search.version, name: "Jongeren" });
    expect(renamed.headers.get("Location")).toBe(`${url}?melding=hernoemd&id=${search.id}`);
    expect((await getSavedSearch(t.db, search.id))?.name).toBe("Jongeren");
  });

  it("restores an archived one from the archived list", async () => {
    const { user, cookie } = await signedIn(t.db, "redacteur");
    const search = await saveSearch(t.db, user, "Mantelzorg", { q: "mantelzorg" }, await defaultRegionId(t.db));
    const archived = await archiveSavedSearch(t.db, user, search.id, search.version);
    const restored = await post(cookie, { intent: "restore", id: search.id, version: archived.version });
    expect(restored.headers.get("Location")).toBe(`${url}?melding=hersteld&id=${search.id}`);
    expect((await getSavedSearch(t.db, search.id))?.archived_at).toBeNull();
  });

  it("refuses what no form sends, also names every object has", async () => {
    const { cookie } = await signedIn(t.db, "redacteur");
    for (const intent of ["delete", "toString", "constructor"])
      expect((await post(cookie, { intent, id: 1, version: 1 })).status).toBe(400);
  });
});

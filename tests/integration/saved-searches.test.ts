import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectedAttendees } from "../../app/models/meetings.server";
import {
  archiveSavedSearch,
  listSavedSearches,
  renameSavedSearch,
  restoreSavedSearch,
  saveSearch,
} from "../../app/models/saved-searches.server";
import * as peopleRoute from "../../app/routes/personen._index";
import * as savedSearchesRoute from "../../app/routes/personen.zoekopdrachten";
import type { UserRole } from "../../db/schema";
import {
  createTestDatabase,
  formRequest,
  makeOrganisation,
  makePerson,
  makeUser,
  type TestDatabase,
  defaultRegionId,
} from "../support/db";
import { makeMeeting } from "../support/meetings";
import { makeAffiliation } from "../support/people";
import { call as call_, get, type Handler, signedIn as signedIn_ } from "../support/routes";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

const call = (handler: Handler, request: Request) => call_(t.db, handler, request);
const signedIn = (role: UserRole) => signedIn_(t.db, role);
const TODAY = "2025-06-01";

async function editor() {
  return (await makeUser(t.db, { role: "redacteur" })).user;
}

describe("saving a search", () => {
  it("keeps the filter, not the result, and logs the creation", async () => {
    const user = await editor();
    const ggd = await makeOrganisation(t.db, { name: "GGD Zuid Limburg" });
    await makeAffiliation(t.db, { organisation_id: ggd.id });
    const search = await saveSearch(
      t.db,
      user,
      "  Iedereen bij de GGD ",
      { organisationId: ggd.id },
      await defaultRegionId(t.db),
    );
    expect(search).toMatchObject({ name: "Iedereen bij de GGD", created_by: user.id, archived_at: null });
    expect(JSON.parse(search.filter)).toEqual({ organisationId: ggd.id });

    // someone who starts at the GGD later is found by the same search
    await makeAffiliation(t.db, { organisation_id: ggd.id });
    expect((await listSavedSearches(t.db, "all", TODAY))[0]).toMatchObject({
      name: "Iedereen bij de GGD",
      matches: 2,
      organisation_name: "GGD Zuid Limburg",
    });
    const audit = await t.db.selectFrom("audit_log").select(["entity", "action", "entity_id"]).execute();
    expect(audit).toEqual([{ entity: "saved_searches", action: "create", entity_id: String(search.id) }]);
  });

  it("refuses a name already taken, whatever its case, also by an archived search", async () => {
    const user = await editor();
    const first = await saveSearch(t.db, user, "Ëerste lijn", { q: "huisarts" }, await defaultRegionId(t.db));
    await expect(
      saveSearch(t.db, user, "ëERSTE LIJN", { q: "apotheek" }, await defaultRegionId(t.db)),
    ).rejects.toMatchObject({
      messageKey: "savedSearches.errors.nameTaken?name=%C3%8Berste+lijn",
      field: "name",
    });
    await archiveSavedSearch(t.db, user, first.id, first.version);
    await expect(
      saveSearch(t.db, user, "ëerste lijn", { q: "apotheek" }, await defaultRegionId(t.db)),
    ).rejects.toMatchObject({
      messageKey: expect.stringContaining("savedSearches.errors.nameTakenArchived"),
    });
  });

  it("refuses an empty or malformed filter, and an organisation that does not exist", async () => {
    const user = await editor();
    await expect(saveSearch(t.db, user, "Alles", {}, await defaultRegionId(t.db))).rejects.toMatchObject({
      messageKey: "savedSearches.errors.filterEmpty",
    });
    await expect(
      saveSearch(t.db, user, "Raar", { q: "x", sort: "naam" }, await defaultRegionId(t.db)),
    ).rejects.toMatchObject({
      messageKey: "savedSearches.errors.filterInvalid",
    });
    await expect(
      saveSearch(t.db, user, "Weg", { organisationId: 999 }, await defaultRegionId(t.db)),
    ).rejects.toMatchObject({
      messageKey: "savedSearches.errors.filterInvalid",
    });
    expect(await t.db.selectFrom("saved_searches").select("id").execute()).toEqual([]);
  });

  it("is what an event's invitation finds on the event's date", async () => {
    const user = await editor();
    const consenting = await makePerson(t.db, { first_name: "Ria", last_name: "Consent" });
    await t.db
      .insertInto("consents")
      .values({
        person_id: consenting.id,
        purpose: "research",
        status: "given",
        recorded_on: "2025-01-01",
        source: null,
      })
      .execute();
    await makePerson(t.db, { first_name: "Piet", last_name: "Zonder" });
    const search = await saveSearch(
      t.db,
      user,
      "Onderzoekspanel",
      { researchConsent: true },
      await defaultRegionId(t.db),
    );
    const event = await makeMeeting(t.db, { kind: "leerbijeenkomst", body_id: null, date: "2025-06-10" });
    await t.db.insertInto("meeting_invitations").values({ meeting_id: event.id, saved_search_id: search.id }).execute();
    expect((await expectedAttendees(t.db, event.id)).map((a) => a.person_id)).toEqual([consenting.id]);
  });
});

describe("renaming, archiving and restoring", () => {
  it("renames against the version seen, refusing a stale one and a taken name", async () => {
    const user = await editor();
    const search = await saveSearch(t.db, user, "Wijkverpleging", { q: "wijk" }, await defaultRegionId(t.db));
    await saveSearch(t.db, user, "Huisartsen", { q: "huisarts" }, await defaultRegionId(t.db));
    const renamed = await renameSavedSearch(t.db, user, search.id, search.version, "Wijkverpleegkundigen");
    expect(renamed).toMatchObject({ name: "Wijkverpleegkundigen", version: search.version + 1 });
    await expect(renameSavedSearch(t.db, user, search.id, search.version, "Anders")).rejects.toMatchObject({
      name: "StaleVersionError",
    });
    await expect(renameSavedSearch(t.db, user, search.id, renamed.version, "huisartsen")).rejects.toMatchObject({
      messageKey: expect.stringContaining("savedSearches.errors.nameTaken"),
    });
    // its own name in another case is no clash
    expect((await renameSavedSearch(t.db, user, search.id, renamed.version, "wijkverpleegkundigen")).name).toBe(
      "wijkverpleegkundigen",
    );
  });

  it("archives and restores without deleting, each logged", async () => {
    const user = await editor();
    const search = await saveSearch(t.db, user, "Sociaal domein", { q: "welzijn" }, await defaultRegionId(t.db));
    const archived = await archiveSavedSearch(t.db, user, search.id, search.version);
    expect(archived.archived_at).not.toBeNull();
    expect(await listSavedSearches(t.db, "all", TODAY)).toEqual([]);
    expect((await listSavedSearches(t.db, "all", TODAY, { archived: true })).map((s) => s.name)).toEqual([
      "Sociaal domein",
    ]);
    await expect(archiveSavedSearch(t.db, user, search.id, archived.version)).rejects.toMatchObject({
      messageKey: "savedSearches.errors.alreadyArchived",
    });
    const restored = await restoreSavedSearch(t.db, user, search.id, archived.version);
    expect(restored.archived_at).toBeNull();
    const actions = await t.db.selectFrom("audit_log").select("action").orderBy("id").execute();
    expect(actions.map((a) => a.action)).toEqual(["create", "archive", "restore"]);
  });
});

describe("the people list's 'save search' form", () => {
  it("saves the filter sent along with the name and opens the saved searches with a notice", async () => {
    // the create form posts the register's region
    await defaultRegionId(t.db);
    const { cookie } = await signedIn("redacteur");
    const ggd = await makeOrganisation(t.db, { name: "GGD Zuid Limburg" });
    const response = await call(
      peopleRoute.action,
      formRequest(
        `/personen?index&organisatie=${ggd.id}&onderzoek=1`,
        { name: "GGD-panel", q: "", organisationId: String(ggd.id), researchConsent: "true" },
        { cookie },
      ),
    );
    expect(response.status).toBe(302);
    const location = response.headers.get("Location")!;
    expect(location).toMatch(/^\/personen\/zoekopdrachten\?melding=bewaard&id=\d+$/);
    const stored = await t.db.selectFrom("saved_searches").select(["name", "filter"]).executeTakeFirstOrThrow();
    expect({ ...stored, filter: JSON.parse(stored.filter) }).toEqual({
      name: "GGD-panel",
      filter: { organisationId: ggd.id, researchConsent: true },
    });

    const page = await (await call(savedSearchesRoute.loader, get(location, cookie))).json();
    expect(page.notice).toMatchObject({ kind: "bewaard", name: "GGD-panel" });
  });

  it("refuses a taken name keeping what was typed, and is closed to readers", async () => {
    const { user, cookie } = await signedIn("redacteur");
    await saveSearch(t.db, user, "Huisartsen", { q: "huisarts" }, await defaultRegionId(t.db));
    const refused = await call(
      peopleRoute.action,
      formRequest("/personen?index&q=arts", { name: "HUISARTSEN", q: "arts" }, { cookie }),
    );
    expect(refused.status).toBe(400);
    const body = await refused.json();
    expect(body.errors.name).toContain("savedSearches.errors.nameTaken");
    expect(body.values).toMatchObject({ name: "HUISARTSEN", q: "arts" });

    const reader = await signedIn("lezer");
    expect(
      (
        await call(
          peopleRoute.action,
          formRequest("/personen?index&q=arts", { name: "Artsen", q: "arts" }, { cookie: reader.cookie }),
        )
      ).status,
    ).toBe(403);
    expect(await t.db.selectFrom("saved_searches").select("name").execute()).toEqual([{ name: "Huisartsen" }]);
  });

  it("refuses to save the unfiltered list", async () => {
    const { cookie } = await signedIn("redacteur");
    const response = await call(
      peopleRoute.action,
      formRequest("/personen?index", { name: "Iedereen", q: "", organisationId: "", researchConsent: "" }, { cookie }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ _form: "savedSearches.errors.filterEmpty" });
  });
});

describe("/personen/zoekopdrachten", () => {
  it("lists the searches with their filter, the people found today and the list link, for readers too", async () => {
    const user = await editor();
    const ggd = await makeOrganisation(t.db, { name: "GGD Zuid Limburg" });
    await makeAffiliation(t.db, { organisation_id: ggd.id, start_date: "2020-01-01" });
    await saveSearch(t.db, user, "GGD", { organisationId: ggd.id }, await defaultRegionId(t.db));
    const { cookie } = await signedIn("lezer");
    const page = await (await call(savedSearchesRoute.loader, get("/personen/zoekopdrachten", cookie))).json();
    expect(page.searches).toEqual([
      expect.objectContaining({
        editable: false,
        name: "GGD",
        matches: 1,
        organisation_name: "GGD Zuid Limburg",
        parsedFilter: { organisationId: ggd.id },
      }),
    ]);
  });

  it("archives only when confirmed, offers undo, and the undo restores it", async () => {
    const { user, cookie } = await signedIn("redacteur");
    const search = await saveSearch(t.db, user, "Mantelzorg", { q: "mantelzorg" }, await defaultRegionId(t.db));
    const url = "/personen/zoekopdrachten";
    const unconfirmed = await call(
      savedSearchesRoute.action,
      formRequest(url, { intent: "archive", id: search.id, version: search.version }, { cookie }),
    );
    expect(unconfirmed.status).toBe(400);
    expect((await unconfirmed.json()).errors).toEqual({ confirm: "savedSearches.errors.confirmArchive" });

    const archived = await call(
      savedSearchesRoute.action,
      formRequest(url, { intent: "archive", id: search.id, version: search.version, confirm: "on" }, { cookie }),
    );
    expect(archived.headers.get("Location")).toBe(`${url}?melding=gearchiveerd&id=${search.id}`);
    const page = await (await call(savedSearchesRoute.loader, get(archived.headers.get("Location")!, cookie))).json();
    expect(page.notice).toMatchObject({ kind: "gearchiveerd", isArchived: true, version: search.version + 1 });
    expect(page.searches).toEqual([]);

    const undone = await call(
      savedSearchesRoute.action,
      formRequest(url, { intent: "undo", id: search.id, version: page.notice.version }, { cookie }),
    );
    expect(undone.headers.get("Location")).toBe(`${url}?melding=ongedaan&id=${search.id}`);
    expect(
      (await t.db.selectFrom("saved_searches").select("archived_at").executeTakeFirstOrThrow()).archived_at,
    ).toBeNull();
  });

  it("refuses a rename over someone else's change with what they changed", async () => {
    const { user, cookie } = await signedIn("redacteur");
    const search = await saveSearch(t.db, user, "Jeugd", { q: "jeugd" }, await defaultRegionId(t.db));
    await renameSavedSearch(t.db, user, search.id, search.version, "Jeugdzorg");
    const response = await call(
      savedSearchesRoute.action,
      formRequest(
        "/personen/zoekopdrachten",
        { intent: "rename", id: search.id, version: search.version, name: "Jongeren" },
        { cookie },
      ),
    );
    expect(response.status).toBe(409);
    const body = await response.json();
    expect(body).toMatchObject({
      intent: "rename",
      id: String(search.id),
      values: { name: "Jongeren", version: String(search.version + 1) },
    });
    expect(body.conflict[0].fields).toContainEqual({ field: "name", before: "Jeugd", after: "Jeugdzorg" });
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  addThemeLead,
  endThemeLead,
  leadsOfPerson,
  leadsOfTheme,
  removeThemeLead,
} from "../../app/models/theme-leads.server";
import { messageKey } from "../../app/services/form-data";
import * as themeRoute from "../../app/routes/themas.$themeId";
import * as personRoute from "../../app/routes/personen.$personId";
import {
  createTestDatabase,
  defaultRegionId,
  formRequest,
  makePerson,
  makeUser,
  sessionCookieFor,
  type TestDatabase,
} from "../support/db";
import { call, get } from "../support/routes";
import { makeTheme } from "../support/themes";

/** Programme leads (decision 048): audited, one transaction each, no overlap for the same person. */

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

const editor = async () => (await makeUser(t.db, { role: "redacteur" })).user;
const auditOf = (entityId: number) =>
  t.db
    .selectFrom("audit_log")
    .select(["action", "entity"])
    .where("entity", "=", "theme_leads")
    .where("entity_id", "=", String(entityId))
    .orderBy("id")
    .execute();

describe("the programme leads of a theme", () => {
  it("adds, lists current and past, ends and removes, each in the audit log", async () => {
    const actor = await editor();
    const theme = await makeTheme(t.db);
    const anna = await makePerson(t.db, { first_name: "Anna", last_name: "Leider" });
    const bram = await makePerson(t.db, { first_name: "Bram", last_name: "Vorig" });
    const current = await addThemeLead(t.db, actor, theme.id, {
      person_id: anna.id,
      start_date: "2025-01-01",
      end_date: null,
    });
    const past = await addThemeLead(t.db, actor, theme.id, {
      person_id: bram.id,
      start_date: "2023-01-01",
      end_date: "2024-12-31",
    });
    const listed = await leadsOfTheme(t.db, theme.id, "2025-06-01");
    expect(listed.current.map((lead) => lead.name)).toEqual(["Anna Leider"]);
    expect(listed.past.map((lead) => lead.id)).toEqual([past.id]);
    expect((await leadsOfPerson(t.db, anna.id)).map((lead) => lead.theme_name)).toEqual([theme.name]);

    const ended = await endThemeLead(t.db, actor, current.id, current.version, "2025-05-31");
    expect(ended.end_date).toBe("2025-05-31");
    expect((await leadsOfTheme(t.db, theme.id, "2025-06-01")).current).toEqual([]);

    await removeThemeLead(t.db, actor, past.id, past.version);
    expect((await leadsOfTheme(t.db, theme.id, "2025-06-01")).past.map((lead) => lead.id)).toEqual([current.id]);
    expect(await auditOf(current.id)).toEqual([
      { action: "create", entity: "theme_leads" },
      { action: "update", entity: "theme_leads" },
    ]);
    expect((await auditOf(past.id)).map((entry) => entry.action)).toEqual(["create", "delete"]);
  });

  it("refuses an overlapping period of the same person, an end before the start and a stale version", async () => {
    const actor = await editor();
    const theme = await makeTheme(t.db);
    const person = await makePerson(t.db, { first_name: "Carla", last_name: "Dubbel" });
    const lead = await addThemeLead(t.db, actor, theme.id, {
      person_id: person.id,
      start_date: "2025-01-01",
      end_date: "2025-12-31",
    });
    await expect(
      addThemeLead(t.db, actor, theme.id, { person_id: person.id, start_date: "2025-12-31", end_date: null }),
    ).rejects.toMatchObject({
      messageKey: messageKey("themes.leads.errors.overlap", { person: "Carla Dubbel", start: "2025-01-01" }),
      field: "start_date",
    });
    // the day after the period is free, and another person may lead at the same time
    await addThemeLead(t.db, actor, theme.id, { person_id: person.id, start_date: "2026-01-01", end_date: null });
    const other = await makePerson(t.db);
    await addThemeLead(t.db, actor, theme.id, { person_id: other.id, start_date: "2025-06-01", end_date: null });

    await expect(endThemeLead(t.db, actor, lead.id, lead.version, "2024-12-31")).rejects.toMatchObject({
      field: "end_date",
    });
    await expect(removeThemeLead(t.db, actor, lead.id, lead.version + 1)).rejects.toThrow();
    expect(await t.db.selectFrom("theme_leads").select("id").where("id", "=", lead.id).execute()).toHaveLength(1);
  });
});

describe("the theme page's Programmaleiding", () => {
  it("adds a lead by searching the person, ends it with a confirmation, and the person's page shows it", async () => {
    const theme = await makeTheme(t.db, { region_id: await defaultRegionId(t.db) });
    const person = await makePerson(t.db, { first_name: "Dirk", last_name: "Trekker" });
    const { user } = await makeUser(t.db, { role: "redacteur" });
    const cookie = await sessionCookieFor(t.db, user.id);
    const path = `/themas/${theme.id}`;
    const params = { themeId: String(theme.id) };

    const searched = await call(
      t.db,
      themeRoute.action,
      formRequest(path, { intent: "addLead", persoon_zoeken: "Trekker", zoeken: "persoon" }, { cookie }),
      params,
    );
    const found = (await searched.json()) as { choices: { people: { id: number }[] } };
    expect(found.choices.people.map((p) => p.id)).toEqual([person.id]);

    const added = await call(
      t.db,
      themeRoute.action,
      formRequest(path, { intent: "addLead", person_id: String(person.id), start_date: "2025-02-01" }, { cookie }),
      params,
    );
    expect(added.status).toBe(302);
    const [lead] = await t.db.selectFrom("theme_leads").selectAll().execute();
    expect(lead).toMatchObject({ theme_id: theme.id, person_id: person.id, start_date: "2025-02-01", end_date: null });

    const unconfirmed = await call(
      t.db,
      themeRoute.action,
      formRequest(
        path,
        { intent: "endLead", lead_id: String(lead!.id), version: "1", end_date: "2025-03-01" },
        { cookie },
      ),
      params,
    );
    expect(unconfirmed.status).toBe(400);
    expect(((await unconfirmed.json()) as { errors: Record<string, string> }).errors.confirm).toBe(
      "themes.leads.errors.confirmEnd",
    );

    const page = (await (await call(t.db, themeRoute.loader, get(path, cookie), params)).json()) as {
      leads: { current: { id: number }[] };
    };
    expect(page.leads.current.map((l) => l.id)).toEqual([lead!.id]);
    const personPage = (await (
      await call(t.db, personRoute.loader, get(`/personen/${person.id}`, cookie), { personId: String(person.id) })
    ).json()) as { leads: { theme_id: number }[] };
    expect(personPage.leads.map((l) => l.theme_id)).toEqual([theme.id]);
  });

  it("an unknown intent is a bare 400", async () => {
    const theme = await makeTheme(t.db);
    const { user } = await makeUser(t.db, { role: "redacteur" });
    const response = await call(
      t.db,
      themeRoute.action,
      formRequest(`/themas/${theme.id}`, { intent: "geen" }, { cookie: await sessionCookieFor(t.db, user.id) }),
      { themeId: String(theme.id) },
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toBe("");
  });
});

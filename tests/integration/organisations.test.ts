import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { todayInAmsterdam } from "../../app/i18n/format";
import * as organisationRoute from "../../app/routes/organisaties.$organisationId";
import * as editRoute from "../../app/routes/organisaties.$organisationId_.bewerken";
import * as listRoute from "../../app/routes/organisaties._index";
import * as newRoute from "../../app/routes/organisaties.nieuw";
import { addDays } from "../../app/services/periods";
import type { UserRole } from "../../db/schema";
import {
  createTestDatabase,
  defaultRegionId,
  formRequest,
  makeBody,
  makeOrganisation,
  makeSeat,
  makeSector,
  type TestDatabase,
} from "../support/db";
import { makeSubregion, organisationForm } from "../support/organisations";
import { call as call_, get, type Handler, signedIn as signedIn_ } from "../support/routes";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

const call = (handler: Handler, request: Request, params: Record<string, string> = {}) =>
  call_(t.db, handler, request, params);
const signedIn = (role: UserRole) => signedIn_(t.db, role);

const auditOf = (id: number) =>
  t.db
    .selectFrom("audit_log")
    .selectAll()
    .where("entity", "=", "organisations")
    .where("entity_id", "=", String(id))
    .orderBy("id")
    .execute()
    .then((rows) =>
      rows.map((row) => ({
        ...row,
        before: row.before ? JSON.parse(row.before) : null,
        after: row.after ? JSON.parse(row.after) : null,
      })),
    );

const organisationRow = (id: number) =>
  t.db.selectFrom("organisations").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

const subregionIdsOf = async (id: number) =>
  (
    await t.db
      .selectFrom("organisation_subregions")
      .select("subregion_id")
      .where("organisation_id", "=", id)
      .orderBy("subregion_id")
      .execute()
  ).map((row) => row.subregion_id);

/** The edit form as its loader fills it, changed by `changes`. */
async function editForm(cookie: string, id: number, changes: Record<string, string | number | readonly string[]> = {}) {
  const response = await call(editRoute.loader, get(`/organisaties/${id}/bewerken`, cookie), {
    organisationId: String(id),
  });
  expect(response.status).toBe(200);
  const { organisation } = await response.json();
  const value = (v: string | null) => v ?? "";
  return {
    intent: "save",
    version: organisation.version,
    name: organisation.name,
    short_name: value(organisation.short_name),
    sector_id: organisation.sector_id,
    region_ids: organisation.region_ids.map(String),
    subregion_ids: organisation.subregion_ids.map(String),
    ...(organisation.iza_signatory ? { iza_signatory: "on" } : {}),
    parent_id: organisation.parent_id ?? "",
    website: value(organisation.website),
    email: value(organisation.email),
    phone: value(organisation.phone),
    address: value(organisation.address),
    notes: value(organisation.notes),
    ...changes,
  };
}

const saveEdit = (cookie: string, id: number, fields: Record<string, string | number | readonly string[]>) =>
  call(editRoute.action, formRequest(`/organisaties/${id}/bewerken`, fields, { cookie }), {
    organisationId: String(id),
  });

describe("creating an organisation", () => {
  it("stores it with its subregions and logs the creation with the subregions in the snapshot", async () => {
    const { cookie, user } = await signedIn("redacteur");
    const sector = await makeSector(t.db);
    const [west, oost] = [await makeSubregion(t.db), await makeSubregion(t.db)];
    const response = await call(
      newRoute.action,
      formRequest(
        "/organisaties/nieuw",
        organisationForm(sector.id, {
          name: "  Huisartsenzorg Heuvelland ",
          region_ids: [String(await defaultRegionId(t.db))],
          subregion_ids: [String(oost.id), String(west.id)],
          iza_signatory: "on",
          website: "https://www.hzh.example.nl",
        }),
        { cookie },
      ),
    );
    expect(response.status).toBe(302);
    const id = Number(/^\/organisaties\/(\d+)\?melding=aangemaakt$/.exec(response.headers.get("Location") ?? "")?.[1]);
    expect(await organisationRow(id)).toMatchObject({
      name: "Huisartsenzorg Heuvelland",
      sector_id: sector.id,
      iza_signatory: 1,
      website: "https://www.hzh.example.nl",
      short_name: null,
      archived_at: null,
    });
    expect(await subregionIdsOf(id)).toEqual([west.id, oost.id].sort((a, b) => a - b));
    const [entry, ...more] = await auditOf(id);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ action: "create", user_id: user.id, before: null });
    expect(entry!.after).toMatchObject({
      name: "Huisartsenzorg Heuvelland",
      subregion_ids: [west.id, oost.id].sort((a, b) => a - b),
    });
  });

  it("refuses an invalid website and e-mail address, returning everything typed", async () => {
    const { cookie } = await signedIn("redacteur");
    const sector = await makeSector(t.db);
    const fields = organisationForm(sector.id, {
      name: "Welzijn Oost",
      website: "welzijn oost",
      email: "geen-adres",
      notes: "Belangrijke notitie",
    });
    const response = await call(newRoute.action, formRequest("/organisaties/nieuw", fields, { cookie }));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({ website: "common.form.urlInvalid", email: "auth.errors.emailInvalid" });
    expect(body.values).toMatchObject({ name: "Welzijn Oost", website: "welzijn oost", notes: "Belangrijke notitie" });
    expect(await t.db.selectFrom("organisations").select("id").execute()).toEqual([]);
  });

  it("refuses a name already in use, whatever the case, and links to the organisation that has it", async () => {
    const { cookie } = await signedIn("redacteur");
    const existing = await makeOrganisation(t.db, { name: "Alliantie Santé" });
    const response = await call(
      newRoute.action,
      formRequest("/organisaties/nieuw", organisationForm(existing.sector_id, { name: "ALLIANTIE SANTÉ" }), { cookie }),
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({ name: "organisations.errors.nameTaken" });
    expect(body.links).toEqual({ name: { href: `/organisaties/${existing.id}`, name: "Alliantie Santé" } });
    expect(body.values.name).toBe("ALLIANTIE SANTÉ");
  });

  it("refuses a sector or a subregion that does not exist, and an archived parent", async () => {
    const { cookie } = await signedIn("beheerder");
    const sector = await makeSector(t.db);
    const archived = await makeOrganisation(t.db, { name: "Oude koepel", archived_at: "2025-01-01T00:00:00.000Z" });
    const post = (fields: Record<string, string | number | readonly string[]>) =>
      call(newRoute.action, formRequest("/organisaties/nieuw", organisationForm(sector.id, fields), { cookie })).then(
        (r) => r.json(),
      );
    expect((await post({ sector_id: 9999 })).errors).toEqual({ sector_id: "organisations.errors.sectorMissing" });
    expect((await post({ subregion_ids: ["9999"] })).errors).toEqual({
      subregion_ids: "organisations.errors.subregionMissing",
    });
    expect((await post({ parent_id: archived.id })).errors).toEqual({
      parent_id: "organisations.errors.parentArchived?name=Oude+koepel",
    });
    expect(await t.db.selectFrom("organisations").select("id").execute()).toEqual([{ id: archived.id }]);
  });
});

describe("editing an organisation", () => {
  it("saves the changes, replaces the subregions and logs before and after, subregions included", async () => {
    const { cookie, user } = await signedIn("redacteur");
    const [first, second] = [await makeSubregion(t.db), await makeSubregion(t.db)];
    const org = await makeOrganisation(t.db, { name: "GGD Zuid Limburg" });
    await t.db
      .insertInto("organisation_subregions")
      .values({ organisation_id: org.id, subregion_id: first.id })
      .execute();

    const response = await saveEdit(
      cookie,
      org.id,
      await editForm(cookie, org.id, {
        phone: "+31 46 850 5000",
        region_ids: [String(await defaultRegionId(t.db))],
        subregion_ids: [String(second.id)],
      }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/organisaties/${org.id}?melding=opgeslagen`);
    expect(await organisationRow(org.id)).toMatchObject({ phone: "+31 46 850 5000", version: 2 });
    expect(await subregionIdsOf(org.id)).toEqual([second.id]);

    const [entry] = await auditOf(org.id);
    expect(entry).toMatchObject({ action: "update", user_id: user.id });
    expect(entry!.before).toMatchObject({ phone: null, version: 1, subregion_ids: [first.id] });
    expect(entry!.after).toMatchObject({ phone: "+31 46 850 5000", version: 2, subregion_ids: [second.id] });
  });

  it("writes nothing when nothing changed", async () => {
    const { cookie } = await signedIn("redacteur");
    const org = await makeOrganisation(t.db);
    expect((await saveEdit(cookie, org.id, await editForm(cookie, org.id))).status).toBe(302);
    expect(await auditOf(org.id)).toEqual([]);
    expect((await organisationRow(org.id)).version).toBe(1);
  });

  it("refuses the second of two editors who opened version 1, listing what the first changed and keeping what they typed", async () => {
    const first = await signedIn("redacteur");
    const second = await signedIn("beheerder");
    const subregion = await makeSubregion(t.db);
    const org = await makeOrganisation(t.db, { name: "Envida" });
    const formOfFirst = await editForm(first.cookie, org.id, {
      name: "Envida Maastricht",
      region_ids: [String(await defaultRegionId(t.db))],
      subregion_ids: [String(subregion.id)],
    });
    const formOfSecond = await editForm(second.cookie, org.id, { phone: "043 369 0690", notes: "Nieuwe notitie" });
    expect(formOfFirst.version).toBe(1);
    expect(formOfSecond.version).toBe(1);

    expect((await saveEdit(first.cookie, org.id, formOfFirst)).status).toBe(302);
    const refused = await saveEdit(second.cookie, org.id, formOfSecond);
    expect(refused.status).toBe(409);
    const body = await refused.json();
    expect(body.intent).toBe("save");
    expect(body.errors).toEqual({ _form: "common.form.conflictText" });
    expect(body.conflict).toHaveLength(1);
    expect(body.conflict[0].by).toBe(first.user.name);
    expect(body.conflict[0].fields).toEqual(
      expect.arrayContaining([
        { field: "name", before: "Envida", after: "Envida Maastricht" },
        { field: "subregion_ids", before: null, after: String(subregion.id) },
      ]),
    );
    expect(body.values).toMatchObject({ name: "Envida", phone: "043 369 0690", notes: "Nieuwe notitie", version: "2" });
    expect(await organisationRow(org.id)).toMatchObject({ name: "Envida Maastricht", phone: null, version: 2 });
  });

  it("refuses the organisation as its own parent, and a parent that lies under it", async () => {
    const { cookie } = await signedIn("redacteur");
    const top = await makeOrganisation(t.db, { name: "Koepel" });
    const middle = await makeOrganisation(t.db, { name: "Regio-afdeling", parent_id: top.id });
    const bottom = await makeOrganisation(t.db, { name: "Team Heerlen", parent_id: middle.id });

    const own = await (await saveEdit(cookie, top.id, await editForm(cookie, top.id, { parent_id: top.id }))).json();
    expect(own.errors).toEqual({ parent_id: "organisations.errors.ownParent" });

    const cycle = await saveEdit(cookie, top.id, await editForm(cookie, top.id, { parent_id: bottom.id }));
    expect(cycle.status).toBe(400);
    const body = await cycle.json();
    expect(body.errors).toEqual({ parent_id: "organisations.errors.parentCycle?name=Team+Heerlen" });
    expect(body.links.parent_id).toEqual({ href: `/organisaties/${bottom.id}`, name: "Team Heerlen" });
    expect((await organisationRow(top.id)).parent_id).toBeNull();
  });

  it("offers as parents neither the organisation itself nor anything under it, nor archived ones", async () => {
    const { cookie } = await signedIn("redacteur");
    const top = await makeOrganisation(t.db, { name: "Koepel" });
    const child = await makeOrganisation(t.db, { name: "Dochter", parent_id: top.id });
    const other = await makeOrganisation(t.db, { name: "Ander" });
    await makeOrganisation(t.db, { name: "Gearchiveerd", archived_at: "2025-01-01T00:00:00.000Z" });
    const response = await call(editRoute.loader, get(`/organisaties/${top.id}/bewerken`, cookie), {
      organisationId: String(top.id),
    });
    const { options } = await response.json();
    expect(options.parents.map((p: { id: number }) => p.id)).toEqual([other.id]);
    expect(child.parent_id).toBe(top.id);
  });

  it("keeps an existing parent that was archived later, while saving other changes", async () => {
    const { cookie } = await signedIn("redacteur");
    const parent = await makeOrganisation(t.db, { name: "Oude koepel" });
    const org = await makeOrganisation(t.db, { parent_id: parent.id });
    await t.db
      .updateTable("organisations")
      .set({ archived_at: "2025-06-01T00:00:00.000Z" })
      .where("id", "=", parent.id)
      .execute();
    const response = await saveEdit(cookie, org.id, await editForm(cookie, org.id, { notes: "Koepel opgeheven" }));
    expect(response.status).toBe(302);
    expect(await organisationRow(org.id)).toMatchObject({ parent_id: parent.id, notes: "Koepel opgeheven" });
  });
});

describe("archiving and restoring", () => {
  it("asks for confirmation before archiving", async () => {
    const { cookie } = await signedIn("redacteur");
    const org = await makeOrganisation(t.db);
    const response = await saveEdit(cookie, org.id, { intent: "archive", version: 1 });
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ confirm: "organisations.errors.confirmArchive" });
    expect((await organisationRow(org.id)).archived_at).toBeNull();
  });

  it("archives without deleting, leads to the page with an undo, and the undo restores it; both are logged", async () => {
    const { cookie, user } = await signedIn("redacteur");
    const org = await makeOrganisation(t.db, { name: "Stichting Buurtzorg Oost" });
    await makeSeat(t.db, { organisation_id: org.id });

    const archived = await saveEdit(cookie, org.id, { intent: "archive", version: 1, confirm: "on" });
    expect(archived.status).toBe(302);
    expect(archived.headers.get("Location")).toBe(`/organisaties/${org.id}?melding=gearchiveerd`);
    expect((await organisationRow(org.id)).archived_at).not.toBeNull();

    const page = await call(organisationRoute.loader, get(`/organisaties/${org.id}?melding=gearchiveerd`, cookie), {
      organisationId: String(org.id),
    });
    const data = await page.json();
    expect(data).toMatchObject({ notice: "gearchiveerd", canEdit: true });
    expect(data.currentSeats).toHaveLength(1);

    const undone = await call(
      organisationRoute.action,
      formRequest(`/organisaties/${org.id}?melding=gearchiveerd`, { intent: "undo" }, { cookie }),
      { organisationId: String(org.id) },
    );
    expect(undone.status).toBe(302);
    expect(undone.headers.get("Location")).toBe(`/organisaties/${org.id}?melding=ongedaan`);
    expect(await organisationRow(org.id)).toMatchObject({ archived_at: null, version: 3 });

    const [archiveEntry, restoreEntry] = await auditOf(org.id);
    expect(archiveEntry).toMatchObject({ action: "archive", user_id: user.id });
    expect(archiveEntry!.before.archived_at).toBeNull();
    expect(archiveEntry!.after.archived_at).toEqual(expect.any(String));
    expect(restoreEntry).toMatchObject({ action: "restore", user_id: user.id });
    expect(restoreEntry!.after.archived_at).toBeNull();
  });

  it("restores from the edit page against the version seen", async () => {
    const { cookie } = await signedIn("redacteur");
    const org = await makeOrganisation(t.db, { archived_at: "2025-01-01T00:00:00.000Z" });
    const response = await saveEdit(cookie, org.id, { intent: "restore", version: 1 });
    expect(response.headers.get("Location")).toBe(`/organisaties/${org.id}?melding=hersteld`);
    expect((await organisationRow(org.id)).archived_at).toBeNull();
    expect((await saveEdit(cookie, org.id, { intent: "archive", version: 1, confirm: "on" })).status).toBe(409);
  });
});

describe("the organisation page", () => {
  it("shows its history newest first, with the fields that changed", async () => {
    const { cookie } = await signedIn("redacteur");
    const sector = await makeSector(t.db, { name_nl: "Huisartsen" });
    const created = await call(
      newRoute.action,
      formRequest("/organisaties/nieuw", organisationForm(sector.id, { name: "HZH" }), { cookie }),
    );
    const id = Number(/(\d+)/.exec(created.headers.get("Location") ?? "")?.[1]);
    await saveEdit(cookie, id, await editForm(cookie, id, { name: "Huisartsenzorg Heuvelland" }));

    const response = await call(organisationRoute.loader, get(`/organisaties/${id}`, cookie), {
      organisationId: String(id),
    });
    const { history } = await response.json();
    expect(history.entries.map((e: { action: string }) => e.action)).toEqual(["update", "create"]);
    expect(history.entries[0].changes).toEqual([{ field: "name", before: "HZH", after: "Huisartsenzorg Heuvelland" }]);
    expect(history.entries[1].changes).toEqual(
      expect.arrayContaining([{ field: "sector_id", before: null, after: sector.id }]),
    );
    expect(history.names.sectors).toEqual([{ id: sector.id, name_nl: "Huisartsen", name_en: sector.name_en }]);
  });

  it("is readable by a lezer, without the edit link's permission", async () => {
    const { cookie } = await signedIn("lezer");
    const org = await makeOrganisation(t.db);
    const response = await call(organisationRoute.loader, get(`/organisaties/${org.id}`, cookie), {
      organisationId: String(org.id),
    });
    expect(response.status).toBe(200);
    expect((await response.json()).canEdit).toBe(false);
  });
});

describe("the list of organisations", () => {
  const list = async (cookie: string, query: string) => {
    const response = await call(listRoute.loader, get(`/organisaties?${query}`, cookie));
    expect(response.status).toBe(200);
    const body = await response.json();
    return body.rows.map((row: { name: string }) => row.name);
  };

  it("filters by sector and by subregion", async () => {
    const { cookie } = await signedIn("lezer");
    const [care, welfare] = [await makeSector(t.db), await makeSector(t.db)];
    const subregion = await makeSubregion(t.db);
    const a = await makeOrganisation(t.db, { name: "A zorg", sector_id: care.id });
    await makeOrganisation(t.db, { name: "B welzijn", sector_id: welfare.id });
    await t.db
      .insertInto("organisation_subregions")
      .values({ organisation_id: a.id, subregion_id: subregion.id })
      .execute();
    expect(await list(cookie, `sector=${welfare.id}`)).toEqual(["B welzijn"]);
    expect(await list(cookie, `subregio=${subregion.id}`)).toEqual(["A zorg"]);
  });

  it("leaves archived organisations out, unless asked to include them or to show only them", async () => {
    const { cookie } = await signedIn("lezer");
    await makeOrganisation(t.db, { name: "Actief" });
    await makeOrganisation(t.db, { name: "Opgeheven", archived_at: "2025-01-01T00:00:00.000Z" });
    expect(await list(cookie, "")).toEqual(["Actief"]);
    expect(await list(cookie, "archief=ook")).toEqual(["Actief", "Opgeheven"]);
    expect(await list(cookie, "archief=alleen")).toEqual(["Opgeheven"]);
  });

  it("narrows to organisations with a seat in a body that runs today, a vacant one included", async () => {
    const { cookie } = await signedIn("lezer");
    const today = todayInAmsterdam();
    const body = await makeBody(t.db, { name: "Bestuurlijke Regiegroep" });
    const elsewhere = await makeBody(t.db);
    const seated = await makeOrganisation(t.db, { name: "Zit er nu" });
    const vacancy = await makeOrganisation(t.db, { name: "Vacature" });
    const ended = await makeOrganisation(t.db, { name: "Zat er tot gisteren" });
    const future = await makeOrganisation(t.db, { name: "Begint morgen" });
    const other = await makeOrganisation(t.db, { name: "Ander gremium" });
    await makeSeat(t.db, { body_id: body.id, organisation_id: seated.id, start_date: today });
    await makeSeat(t.db, { body_id: body.id, organisation_id: vacancy.id, person_id: null });
    await makeSeat(t.db, { body_id: body.id, organisation_id: ended.id, end_date: addDays(today, -1) });
    await makeSeat(t.db, { body_id: body.id, organisation_id: future.id, start_date: addDays(today, 1) });
    await makeSeat(t.db, { body_id: elsewhere.id, organisation_id: other.id });
    expect(await list(cookie, `gremium=${body.id}`)).toEqual(["Vacature", "Zit er nu"]);
    expect(await list(cookie, "gremium_naam=regiegroep")).toEqual(["Vacature", "Zit er nu"]);
    const response = await call(listRoute.loader, get(`/organisaties?gremium=${body.id}`, cookie));
    expect((await response.json()).body).toEqual({
      state: "chosen",
      choice: { id: body.id, name: "Bestuurlijke Regiegroep", shortName: null },
    });
  });

  it("searches names and short names, taking % and _ literally", async () => {
    const { cookie } = await signedIn("lezer");
    await makeOrganisation(t.db, { name: "Gemeente Maastricht" });
    await makeOrganisation(t.db, { name: "Mondriaan", short_name: "MDR" });
    await makeOrganisation(t.db, { name: "100% Welzijn" });
    expect(await list(cookie, "q=maas")).toEqual(["Gemeente Maastricht"]);
    expect(await list(cookie, "q=mdr")).toEqual(["Mondriaan"]);
    expect(await list(cookie, `q=${encodeURIComponent("%")}`)).toEqual(["100% Welzijn"]);
  });

  it("sorts by name, by sector, or most recently changed first", async () => {
    const { cookie } = await signedIn("lezer");
    const [first, second] = [await makeSector(t.db, { sort_order: 1 }), await makeSector(t.db, { sort_order: 2 })];
    await makeOrganisation(t.db, { name: "Alfa", sector_id: second.id, updated_at: "2025-03-01T00:00:00.000Z" });
    await makeOrganisation(t.db, { name: "Bravo", sector_id: first.id, updated_at: "2025-01-01T00:00:00.000Z" });
    await makeOrganisation(t.db, { name: "Charlie", sector_id: second.id, updated_at: "2025-02-01T00:00:00.000Z" });
    expect(await list(cookie, "sortering=naam")).toEqual(["Alfa", "Bravo", "Charlie"]);
    expect(await list(cookie, "sortering=sector")).toEqual(["Bravo", "Alfa", "Charlie"]);
    expect(await list(cookie, "sortering=gewijzigd")).toEqual(["Alfa", "Charlie", "Bravo"]);
    // the parameter's former name, in links made before every list used one name
    expect(await list(cookie, "sorteer=gewijzigd")).toEqual(["Alfa", "Charlie", "Bravo"]);
  });

  it("pages through long lists, keeping the filters", async () => {
    const { cookie } = await signedIn("lezer");
    const sector = await makeSector(t.db);
    for (let i = 1; i <= 27; i += 1)
      await makeOrganisation(t.db, { name: `Org ${String(i).padStart(2, "0")}`, sector_id: sector.id });
    await makeOrganisation(t.db, { name: "Andere sector" });
    const response = await call(listRoute.loader, get(`/organisaties?sector=${sector.id}&pagina=2`, cookie));
    const body = await response.json();
    expect(body.rows.map((r: { name: string }) => r.name)).toEqual(["Org 26", "Org 27"]);
    expect(body.page).toMatchObject({ page: 2, pages: 2, total: 27 });
  });

  it("offers the new-organisation button to editors only", async () => {
    const lezer = await signedIn("lezer");
    const redacteur = await signedIn("redacteur");
    expect((await (await call(listRoute.loader, get("/organisaties", lezer.cookie))).json()).canEdit).toBe(false);
    expect((await (await call(listRoute.loader, get("/organisaties", redacteur.cookie))).json()).canEdit).toBe(true);
  });
});

describe("who may change organisations", () => {
  it("gives a lezer 403 on the new and edit pages and on every action, and changes nothing", async () => {
    const { cookie } = await signedIn("lezer");
    const org = await makeOrganisation(t.db, { archived_at: "2025-01-01T00:00:00.000Z" });
    const params = { organisationId: String(org.id) };
    expect((await call(newRoute.loader, get("/organisaties/nieuw", cookie))).status).toBe(403);
    expect((await call(editRoute.loader, get(`/organisaties/${org.id}/bewerken`, cookie), params)).status).toBe(403);
    expect(
      (await call(newRoute.action, formRequest("/organisaties/nieuw", organisationForm(org.sector_id), { cookie })))
        .status,
    ).toBe(403);
    expect((await saveEdit(cookie, org.id, { intent: "restore", version: 1 })).status).toBe(403);
    expect(
      (
        await call(
          organisationRoute.action,
          formRequest(`/organisaties/${org.id}`, { intent: "undo" }, { cookie }),
          params,
        )
      ).status,
    ).toBe(403);
    expect(await organisationRow(org.id)).toMatchObject({ archived_at: "2025-01-01T00:00:00.000Z", version: 1 });
    expect(await t.db.selectFrom("organisations").select("id").execute()).toHaveLength(1);
  });

  it("answers 404 for an organisation that does not exist", async () => {
    const { cookie } = await signedIn("redacteur");
    expect(
      (await call(editRoute.loader, get("/organisaties/999/bewerken", cookie), { organisationId: "999" })).status,
    ).toBe(404);
    expect(
      (await call(organisationRoute.loader, get("/organisaties/999", cookie), { organisationId: "999" })).status,
    ).toBe(404);
    expect((await saveEdit(cookie, 999, { intent: "restore", version: 1 })).status).toBe(404);
  });
});

import ICAL from "ical.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as newOrganisationRoute from "../../app/routes/organisaties.nieuw";
import * as organisationPairsRoute from "../../app/routes/organisaties.dubbelen";
import * as newPersonRoute from "../../app/routes/personen.nieuw";
import * as personPairsRoute from "../../app/routes/personen.dubbelen";
import * as personVCardRoute from "../../app/routes/personen.$personId_.vcard";
import * as listVCardRoute from "../../app/routes/personen.vcard";
import type { UserRole } from "../../db/schema";
import {
  createTestDatabase,
  formRequest,
  makeOrganisation,
  makePerson,
  makeSector,
  type TestDatabase,
} from "../support/db";
import { makeAffiliation, personForm } from "../support/people";
import { call as call_, get, type Handler, signedIn as signedIn_ } from "../support/routes";

/** The create forms' duplicate warning, the pairs pages with their "not the same" and undo, the vCard downloads. */

let t: TestDatabase;
beforeEach(async () => (t = await createTestDatabase()));
afterEach(() => t.cleanup());

const call = (handler: Handler, request: Request, params: Record<string, string> = {}) =>
  call_(t.db, handler, request, params);
const signedIn = (role: UserRole) => signedIn_(t.db, role);
const count = async (table: "people" | "organisations") =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("creating a person who may already be there", () => {
  it("comes back with the likely duplicates and what was typed, and creates only when confirmed", async () => {
    const { cookie } = await signedIn("redacteur");
    const existing = await makePerson(t.db, { first_name: "Anna", infix: "van den", last_name: "Berg" });
    const fields = personForm({ first_name: "", initials: "A.", infix: "v.d.", email: "anna.berg@example.org" });

    const warned = await call(newPersonRoute.action, formRequest("/personen/nieuw", fields, { cookie }));
    expect(warned.status).toBe(200);
    const body = (await warned.json()) as {
      values: Record<string, string>;
      duplicates: { id: number; reasons: string[] }[];
    };
    expect(body.duplicates.map((d) => [d.id, d.reasons])).toEqual([
      [existing.id, ["initials_match_first_name", "surname_spelled_differently"]],
    ]);
    expect(body.values.infix).toBe("v.d.");
    expect(await count("people")).toBe(1);

    const created = await call(
      newPersonRoute.action,
      formRequest("/personen/nieuw", { ...fields, toch: "on" }, { cookie }),
    );
    expect(created.status).toBe(302);
    expect(await count("people")).toBe(2);

    const other = await call(
      newPersonRoute.action,
      formRequest("/personen/nieuw", personForm({ first_name: "Karin", initials: "K.", phone: "" }), { cookie }),
    );
    expect(other.status).toBe(302);
  });

  it("warns for an organisation by its abbreviation", async () => {
    const { cookie } = await signedIn("redacteur");
    const sector = await makeSector(t.db);
    const mumc = await makeOrganisation(t.db, {
      name: "Maastricht Universitair Medisch Centrum+",
      short_name: "MUMC+",
      sector_id: sector.id,
    });
    const warned = await call(
      newOrganisationRoute.action,
      formRequest("/organisaties/nieuw", { name: "MUMC+", sector_id: sector.id }, { cookie }),
    );
    const body = (await warned.json()) as { duplicates: { id: number }[] };
    expect(body.duplicates.map((d) => d.id)).toEqual([mumc.id]);
    const created = await call(
      newOrganisationRoute.action,
      formRequest("/organisaties/nieuw", { name: "MUMC+", sector_id: sector.id, toch: "on" }, { cookie }),
    );
    expect(created.status).toBe(302);
    expect(await count("organisations")).toBe(2);
  });
});

describe("the duplicate-pairs pages", () => {
  it("lists pairs, hides one marked not the same with an undo, and offers it again after the undo", async () => {
    const { cookie } = await signedIn("redacteur");
    const a = await makePerson(t.db, { first_name: "Jan", infix: "van den", last_name: "Berg" });
    const b = await makePerson(t.db, { first_name: "Jan", infix: null, last_name: "Vandenberg" });
    const page = async (query = "") =>
      (await call(personPairsRoute.loader, get(`/personen/dubbelen${query}`, cookie))).json();
    const before = await page();
    expect(
      before.pairs.map((p: { survivor: { id: number }; other: { id: number } }) => [p.survivor.id, p.other.id]),
    ).toEqual([[a.id, b.id]]);

    const marked = await call(
      personPairsRoute.action,
      formRequest("/personen/dubbelen", { intent: "notSame", first: a.id, second: b.id }, { cookie }),
    );
    const location = marked.headers.get("Location")!;
    expect(location).toMatch(/^\/personen\/dubbelen\?melding=nietDezelfde&id=\d+$/);
    const after = await page(location.slice(location.indexOf("?")));
    expect(after.total).toBe(0);
    expect(after.notice).toMatchObject({ kind: "nietDezelfde", first: "Berg, Jan van den", second: "Vandenberg, Jan" });

    const undone = await call(
      personPairsRoute.action,
      formRequest("/personen/dubbelen", { intent: "undo", id: after.notice.id }, { cookie }),
    );
    expect(undone.headers.get("Location")).toBe("/personen/dubbelen?melding=ongedaan");
    expect((await page()).total).toBe(1);

    const unknown = await call(
      personPairsRoute.action,
      formRequest("/personen/dubbelen", { intent: "merge" }, { cookie }),
    );
    expect(unknown.status).toBe(400);
  });

  it("refuses readers the action and hides the buttons from them", async () => {
    const reader = await signedIn("lezer");
    await makeOrganisation(t.db, { name: "GGD Zuid Limburg" });
    await makeOrganisation(t.db, { name: "Stichting GGD Zuid-Limburg" });
    const data = await (await call(organisationPairsRoute.loader, get("/organisaties/dubbelen", reader.cookie))).json();
    expect(data).toMatchObject({ total: 1, canEdit: false });
    const refused = await call(
      organisationPairsRoute.action,
      formRequest("/organisaties/dubbelen", { intent: "notSame", first: 1, second: 2 }, { cookie: reader.cookie }),
    );
    expect(refused.status).toBe(403);
  });
});

describe("the vCard downloads", () => {
  it("gives one person, and the list as filtered, as vCards a parser reads back; never an erased person", async () => {
    const { cookie } = await signedIn("redacteur");
    const organisation = await makeOrganisation(t.db, { name: "Zuyd Hogeschool" });
    const anna = await makePerson(t.db, {
      first_name: "Anna",
      infix: "van den",
      last_name: "Berg",
      email: "anna@example.org",
      phone: "+31 6 12345678",
    });
    await makeAffiliation(t.db, { person_id: anna.id, organisation_id: organisation.id, function_title: "Lector" });
    await makePerson(t.db, { first_name: "Bert", last_name: "Bergmans" });
    await makePerson(t.db, { first_name: "Erased", last_name: "Berger", erased_at: new Date().toISOString() });
    await makePerson(t.db, { first_name: "Piet", last_name: "Smeets" });

    const one = await call(personVCardRoute.loader, get(`/personen/${anna.id}/vcard`, cookie), {
      personId: String(anna.id),
    });
    expect(one.headers.get("Content-Type")).toBe("text/vcard; charset=utf-8");
    expect(one.headers.get("Content-Disposition")).toContain('filename="anna-van-den-berg.vcf"');
    const card = new ICAL.Component(ICAL.parse(await one.text()) as never);
    expect(card.getFirstPropertyValue("fn")).toBe("Anna van den Berg");
    expect(card.getFirstPropertyValue("org")).toBe("Zuyd Hogeschool");
    expect(card.getFirstPropertyValue("title")).toBe("Lector");
    expect(card.getFirstPropertyValue("email")).toBe("anna@example.org");

    const list = await call(listVCardRoute.loader, get("/personen/vcard?q=berg&archief=1", cookie));
    const cards = (ICAL.parse(await list.text()) as unknown[]).map((jcard) => new ICAL.Component(jcard as never));
    expect(cards.map((c) => c.getFirstPropertyValue("fn"))).toEqual(["Anna van den Berg", "Bert Bergmans"]);

    const reader = await signedIn("lezer");
    expect((await call(listVCardRoute.loader, get("/personen/vcard", reader.cookie))).status).toBe(403);
  });
});

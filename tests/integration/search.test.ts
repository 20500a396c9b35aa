import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as searchRoute from "../../app/routes/zoeken";
import { migrateToLatest, migrator, openDatabase } from "../../db/index";
import { searchRegister } from "../../app/models/search.server";
import {
  createTestDatabase,
  makeBody,
  makeBodyBeforeRegions,
  makeOrganisation,
  makePerson,
  makeSector,
  type TestDatabase,
} from "../support/db";
import { call, get, signedIn } from "../support/routes";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

const titles = async (text: string) => (await searchRegister(t.db, text)).map((r) => r.title);

describe("finding records in the register", () => {
  it("finds Alliantie Santé by 'sante', without the accent and in any case", async () => {
    const alliance = await makeBody(t.db, { name: "Alliantie Santé", level: "strategisch" });
    await makeBody(t.db, { name: "Werkgroep Sanitair" });
    const found = await searchRegister(t.db, "sante");
    expect(found).toEqual([
      { kind: "body", id: alliance.id, title: "Alliantie Santé", subtitle: "Strategisch", archived: false },
    ]);
    expect(await titles("SANTÉ")).toEqual(["Alliantie Santé"]);
    expect(await titles("alliantie sant")).toEqual(["Alliantie Santé"]);
  });

  it("finds Anna van den Berg by 'berg', by 'van den berg' and by 'vandenberg', and not by 'van der berg'", async () => {
    const anna = await makePerson(t.db, { first_name: "Anna", infix: "van den", last_name: "Berg" });
    await makePerson(t.db, { first_name: "Jan", infix: "van der", last_name: "Linden" });
    for (const typed of ["berg", "van den berg", "Van den Berg", "anna berg", "vandenberg", "Berg, van den"]) {
      const found = await searchRegister(t.db, typed);
      expect(
        found.map((r) => [r.kind, r.id]),
        typed,
      ).toEqual([["person", anna.id]]);
    }
    expect(await titles("van der berg")).toEqual([]);
  });

  it("finds a person as you type: every unfinished last word is a prefix", async () => {
    await makePerson(t.db, { first_name: "Anna", infix: "van den", last_name: "Berg" });
    for (const typed of ["b", "be", "ber", "van den b", "an"]) {
      expect(await titles(typed), typed).toContain("Anna van den Berg");
    }
  });

  it("shows the name with title and tussenvoegsel, and the organisations the person works at today", async () => {
    const zuyderland = await makeOrganisation(t.db, { name: "Zuyderland Medisch Centrum" });
    const envida = await makeOrganisation(t.db, { name: "Envida" });
    const formerEmployer = await makeOrganisation(t.db, { name: "Mondriaan" });
    const anna = await makePerson(t.db, { title: "dr.", first_name: "Anna", infix: "van den", last_name: "Berg" });
    await t.db
      .insertInto("affiliations")
      .values([
        {
          person_id: anna.id,
          organisation_id: zuyderland.id,
          function_title: null,
          start_date: "2024-01-01",
          end_date: null,
        },
        { person_id: anna.id, organisation_id: envida.id, function_title: null, start_date: null, end_date: null },
        {
          person_id: anna.id,
          organisation_id: formerEmployer.id,
          function_title: null,
          start_date: "2020-01-01",
          end_date: "2023-12-31",
        },
      ])
      .execute();
    const [found] = await searchRegister(t.db, "berg", { onDay: "2025-06-01" });
    expect(found).toEqual({
      kind: "person",
      id: anna.id,
      title: "dr. Anna van den Berg",
      subtitle: "Envida, Zuyderland Medisch Centrum",
      archived: false,
    });
  });

  it("finds a person by an e-mail address typed whole, or by its beginning", async () => {
    const anna = await makePerson(t.db, {
      first_name: "Anna",
      last_name: "Berg",
      email: "a.berg@zuyderland.example.nl",
    });
    await makePerson(t.db, { first_name: "Piet", last_name: "Smeets", email: "p.smeets@zuyderland.example.nl" });
    for (const typed of ["a.berg@zuyderland.example.nl", "A.Berg@Zuyderland.example.nl", "a.berg@zuy"]) {
      const found = await searchRegister(t.db, typed);
      expect(
        found.map((r) => r.id),
        typed,
      ).toEqual([anna.id]);
    }
  });

  it("finds a person by a second e-mail address added later, and no longer by one that was removed", async () => {
    const anna = await makePerson(t.db, { first_name: "Anna", last_name: "Berg", email: "anna@oud.example.org" });
    expect((await searchRegister(t.db, "anna@oud.example.org")).map((r) => r.id)).toEqual([anna.id]);

    await t.db
      .insertInto("person_emails")
      .values({ person_id: anna.id, email: "anna@nieuw.example.org", is_primary: 0 })
      .execute();
    await t.db.deleteFrom("person_emails").where("email", "=", "anna@oud.example.org").execute();

    expect(await searchRegister(t.db, "anna@oud.example.org")).toEqual([]);
    expect(await searchRegister(t.db, "oud.example")).toEqual([]);
    expect((await searchRegister(t.db, "anna@nieuw.example.org")).map((r) => r.id)).toEqual([anna.id]);
  });

  it("finds a renamed organisation under its new name and short name, not its old ones", async () => {
    const organisation = await makeOrganisation(t.db, { name: "Orbis Medisch Centrum", short_name: "Orbis" });
    await t.db
      .updateTable("organisations")
      .set({ name: "Zuyderland Medisch Centrum", short_name: "Zuyderland" })
      .where("id", "=", organisation.id)
      .execute();
    expect(await titles("orbis")).toEqual([]);
    expect(await titles("zuyderland")).toEqual(["Zuyderland Medisch Centrum"]);
    expect(await titles("medisch")).toEqual(["Zuyderland Medisch Centrum"]);
  });

  it("follows a renamed person and a renamed body, and forgets deleted records", async () => {
    const person = await makePerson(t.db, { first_name: "Anna", infix: null, last_name: "Jansen" });
    const body = await makeBody(t.db, { name: "Coördinerend Managementoverleg", abbreviation: "CMO" });
    await t.db.updateTable("people").set({ infix: "de", last_name: "Vries" }).where("id", "=", person.id).execute();
    await t.db.updateTable("bodies").set({ abbreviation: "COMO" }).where("id", "=", body.id).execute();
    expect(await titles("jansen")).toEqual([]);
    expect(await titles("de vries")).toEqual(["Anna de Vries"]);
    expect(await titles("cmo")).toEqual([]);
    expect(await titles("como")).toEqual(["Coördinerend Managementoverleg"]);

    const gone = await makeOrganisation(t.db, { name: "Tijdelijke Stichting" });
    await t.db.deleteFrom("organisations").where("id", "=", gone.id).execute();
    expect(await titles("tijdelijke")).toEqual([]);
  });

  it("keeps archived records findable, marked and after current ones", async () => {
    const sector = await makeSector(t.db, { name_nl: "Welzijn", name_en: "Welfare" });
    const old = await makeOrganisation(t.db, {
      name: "Stichting Welzijn Oud",
      sector_id: sector.id,
      archived_at: "2024-01-01T00:00:00.000Z",
    });
    const current = await makeOrganisation(t.db, {
      name: "Stichting Welzijn Nieuw",
      short_name: "SWN",
      sector_id: sector.id,
    });
    const found = await searchRegister(t.db, "stichting welzijn");
    expect(found.map((r) => [r.id, r.archived])).toEqual([
      [current.id, false],
      [old.id, true],
    ]);
    expect(found[0]?.subtitle).toBe("SWN · Welzijn");
    expect((await searchRegister(t.db, "stichting welzijn", { language: "en" }))[0]?.subtitle).toBe("SWN · Welfare");
  });

  it("puts an exact name before longer names that match more strongly", async () => {
    await makeOrganisation(t.db, { name: "Gemeente Beekdaelen", short_name: "Beekdaelen" });
    await makeOrganisation(t.db, { name: "Gemeente Beek", short_name: "Beek" });
    await makePerson(t.db, { first_name: "Beekje", last_name: "Beekman" });
    expect(await titles("beek")).toEqual(["Gemeente Beek", "Beekje Beekman", "Gemeente Beekdaelen"]);
  });

  it("returns no more results than the limit", async () => {
    for (let i = 0; i < 15; i += 1) await makeBody(t.db, { name: `Werkgroep Zorg ${i}` });
    expect(await searchRegister(t.db, "zorg")).toHaveLength(10);
    expect(await searchRegister(t.db, "zorg", { limit: 3 })).toHaveLength(3);
  });

  it("treats query syntax typed by a user as text: it never fails and never widens the search", async () => {
    await makePerson(t.db, { first_name: "Anna", infix: "van den", last_name: "Berg" });
    await makeBody(t.db, { name: "Alliantie Santé" });
    const hostile = [
      '"',
      '""',
      "*",
      "-",
      ":",
      "(",
      ")",
      "NEAR(",
      "NEAR(berg sante)",
      "berg OR sante",
      "berg AND",
      "NOT berg",
      "-berg",
      "name:berg",
      "{name alias}: berg",
      "^berg",
      "berg*",
      'berg" OR "sante',
      "'; drop table people; --",
      "\u0000",
      "berg\u0000",
    ];
    for (const typed of hostile) {
      const found = await searchRegister(t.db, typed);
      expect(found.length, typed).toBeLessThanOrEqual(1);
    }
    expect(await titles("berg OR sante")).toEqual([]);
    expect(await titles("NEAR(berg")).toEqual([]);
    expect(await titles("berg*")).toEqual(["Anna van den Berg"]);
    expect(await titles("-berg")).toEqual(["Anna van den Berg"]);
    expect(await titles("")).toEqual([]);
    expect(await titles("   ")).toEqual([]);
    expect(await t.db.selectFrom("people").select("id").execute()).toHaveLength(1);
  });
});

describe("the search index when the migration runs on existing data", () => {
  it("holds the people, e-mail addresses, organisations and bodies that were there before", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "kring-search-"));
    const file = path.join(dir, "kring.sqlite");
    const db = openDatabase(file);
    try {
      const { error } = await migrator(db).migrateTo("0002_accounts_and_audit");
      expect(error).toBeUndefined();
      const anna = await makePerson(db, {
        first_name: "Anna",
        infix: "van den",
        last_name: "Berg",
        email: "anna@example.org",
      });
      const organisation = await makeOrganisation(db, { name: "Alliantie Santé" });
      const body = await makeBodyBeforeRegions(db, { name: "Coördinerend Managementoverleg", abbreviation: "CMO" });

      expect(await migrateToLatest(db, file)).toContain("0003_register_search");
      expect((await searchRegister(db, "anna@example.org")).map((r) => r.id)).toEqual([anna.id]);
      expect((await searchRegister(db, "van den berg")).map((r) => r.id)).toEqual([anna.id]);
      expect((await searchRegister(db, "sante")).map((r) => [r.kind, r.id])).toEqual([
        ["organisation", organisation.id],
      ]);
      expect((await searchRegister(db, "cmo")).map((r) => [r.kind, r.id])).toEqual([["body", body.id]]);
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("/zoeken", () => {
  it("sends an anonymous visitor to the login page, remembering the search", async () => {
    const response = await call(t.db, searchRoute.loader, get("/zoeken?q=berg"));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?next=%2Fzoeken%3Fq%3Dberg");
  });

  it("answers a lezer with the results for the query", async () => {
    const { cookie } = await signedIn(t.db, "lezer");
    const anna = await makePerson(t.db, { first_name: "Anna", infix: "van den", last_name: "Berg" });
    const response = await call(t.db, searchRoute.loader, get("/zoeken?q=%20berg%20", cookie));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      query: "berg",
      results: [{ kind: "person", id: anna.id, title: "Anna van den Berg", subtitle: null, archived: false }],
      more: false,
    });
  });

  it("shows no results, and does not search, without a query", async () => {
    const { cookie } = await signedIn(t.db, "lezer");
    await makePerson(t.db);
    const response = await call(t.db, searchRoute.loader, get("/zoeken", cookie));
    expect(await response.json()).toEqual({ query: "", results: [], more: false });
  });

  it("says when there are more results than the page shows", async () => {
    const { cookie } = await signedIn(t.db, "onderzoeker");
    for (let i = 0; i <= searchRoute.RESULTS_LIMIT; i += 1) await makeBody(t.db, { name: `Overleg ${i}` });
    const data = await (await call(t.db, searchRoute.loader, get("/zoeken?q=overleg", cookie))).json();
    expect(data.results).toHaveLength(searchRoute.RESULTS_LIMIT);
    expect(data.more).toBe(true);
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dutchSortKey } from "../../db/sort-name";
import { createTestDatabase, makePerson, type TestDatabase } from "../support/db";

/**
 * The Dutch sort key is written by the database's trigger (a TypeScript function on SQLite,
 * kring_sort_name in SQL on PostgreSQL) and used by the app in TypeScript: both must give the same
 * key, and the database must order people as the app does.
 */
const NAMES: { last_name: string; first_name: string | null; initials?: string | null; infix: string | null }[] = [
  { last_name: "Berg", first_name: "Anna", infix: "van den" },
  { last_name: "Bergmans", first_name: "Erik", infix: null },
  { last_name: "Özdemir", first_name: "Çağla", infix: null },
  { last_name: "Ozdemir", first_name: "Ahmet", infix: null },
  { last_name: "Hoën", first_name: "Noëlle", infix: "'t" },
  { last_name: "Heijden", first_name: "Ĳsbrand", infix: "van der" },
  { last_name: "IJzerman", first_name: "Ida", infix: null },
  { last_name: "Ørsted", first_name: "Søren", infix: null },
  { last_name: "Łukasiewicz", first_name: "Łucja", infix: null },
  { last_name: "Straße", first_name: "Jürgen", infix: null },
  { last_name: "Ångström", first_name: "Åsa", infix: null },
  { last_name: "Dœuf", first_name: "Æsa", infix: null },
  { last_name: "D’Hondt", first_name: "Chloé", infix: null },
  { last_name: "Nguyễn", first_name: "Thị Ánh", infix: null },
  { last_name: "Schröder-Müller", first_name: null, initials: "J.P.", infix: null },
  { last_name: "ÉLODIE", first_name: "ÉMILE", infix: "DE" },
  { last_name: "Dijk", first_name: "José", infix: "van" },
  { last_name: "Dijk", first_name: "Jose", infix: "van" },
  { last_name: "Zwart", first_name: "", infix: null },
  { last_name: "Ĳssel", first_name: "Pieter", infix: "van" },
];

describe("the Dutch sort key on this engine", () => {
  let t: TestDatabase;
  beforeEach(async () => (t = await createTestDatabase()));
  afterEach(() => t.cleanup());

  it("is the key TypeScript computes, for names with accents, ligatures and letters of their own", async () => {
    for (const name of NAMES) await makePerson(t.db, name);
    const stored = await t.db
      .selectFrom("people")
      .select(["last_name", "first_name", "initials", "infix", "sort_name"])
      .orderBy("id")
      .execute();
    expect(stored).toHaveLength(NAMES.length);
    for (const row of stored)
      expect({ name: row.last_name, key: row.sort_name }).toEqual({ name: row.last_name, key: dutchSortKey(row) });
    expect(stored.find((row) => row.last_name === "Özdemir")?.sort_name.startsWith("ozdemir\u0001cagla")).toBe(true);
  });

  it("orders people in SQL as the app orders their keys", async () => {
    for (const name of NAMES) await makePerson(t.db, name);
    const inSql = await t.db
      .selectFrom("people")
      .select(["id", "sort_name"])
      .orderBy("sort_name")
      .orderBy("id")
      .execute();
    const inApp = [...inSql].sort((a, b) =>
      a.sort_name < b.sort_name ? -1 : a.sort_name > b.sort_name ? 1 : a.id - b.id,
    );
    expect(inSql.map((row) => row.id)).toEqual(inApp.map((row) => row.id));
  });

  it("follows a renamed person", async () => {
    const person = await makePerson(t.db, { last_name: "Jansen", first_name: "Ans", infix: null });
    await t.db.updateTable("people").set({ last_name: "Émond", infix: "d'" }).where("id", "=", person.id).execute();
    const row = await t.db.selectFrom("people").selectAll().where("id", "=", person.id).executeTakeFirstOrThrow();
    expect(row.sort_name).toBe(dutchSortKey(row));
    expect(row.sort_name.startsWith("emond\u0001ans")).toBe(true);
  });
});

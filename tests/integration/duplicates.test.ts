import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { phoneKey, surnameKey } from "../../db/match-keys";
import {
  likelyDuplicateOrganisationPairs,
  likelyDuplicatePeoplePairs,
  likelyDuplicatesOfOrganisation,
  likelyDuplicatesOfPeople,
  likelyDuplicatesOfPerson,
  markNotTheSame,
  undoNotTheSame,
} from "../../app/models/duplicates.server";
import { createTestDatabase, makeOrganisation, makePerson, makeUser, type TestDatabase } from "../support/db";
import { makeAffiliation } from "../support/people";

/** The database's key functions (PL/pgSQL on PostgreSQL) must give the keys db/match-keys.ts gives. */
const NAMES = [
  "Berg",
  "Vandenberg",
  "van den Berg",
  "V.d. Berg",
  "Ter Horst",
  "Ørsted",
  "Müller-Lüdenscheidt",
  "D’Hondt",
  "Deniz",
  "Dekker",
  "Opdam",
  "'t Hoen",
  "Ĳssel",
];
const PHONES = [
  "+31 6 1234 5678",
  "06-12 34 56 78",
  "0031 (0)6 12345678",
  "+32 2 123 45 67",
  "1234",
  "",
  "tel. 043-3881234",
];

describe("likely duplicates in the register", () => {
  let t: TestDatabase;
  beforeEach(async () => (t = await createTestDatabase()));
  afterEach(() => t.cleanup());

  it("keeps the keys the database computes equal to the app's", async () => {
    for (const [i, last_name] of NAMES.entries())
      await makePerson(t.db, { last_name, phone: PHONES[i % PHONES.length] || null });
    const rows = await t.db.selectFrom("people").select(["last_name", "phone", "surname_key", "phone_key"]).execute();
    for (const row of rows) {
      expect({ name: row.last_name, key: row.surname_key }).toEqual({
        name: row.last_name,
        key: surnameKey(row.last_name),
      });
      expect({ phone: row.phone, key: row.phone_key }).toEqual({ phone: row.phone, key: phoneKey(row.phone) });
    }
    const person = await makePerson(t.db, { last_name: "Berg" });
    await t.db
      .updateTable("people")
      .set({ last_name: "Vandermeer", phone: "06 11 22 33 44" })
      .where("id", "=", person.id)
      .execute();
    const changed = await t.db
      .selectFrom("people")
      .select(["surname_key", "phone_key"])
      .where("id", "=", person.id)
      .executeTakeFirstOrThrow();
    expect(changed).toEqual({ surname_key: "meer", phone_key: "0611223344" });
  });

  it("finds a new person's likely duplicates by name variant, e-mail address and phone, best first", async () => {
    const jan = await makePerson(t.db, {
      first_name: "Jan",
      infix: "van den",
      last_name: "Berg",
      email: "jan@example.org",
    });
    const piet = await makePerson(t.db, { first_name: "Piet", infix: null, last_name: "Smeets", phone: "06-12345678" });
    const other = await makePerson(t.db, { first_name: "Karin", infix: "van den", last_name: "Berg" });
    await makePerson(t.db, {
      first_name: "Jan",
      infix: null,
      last_name: "Vandenberg",
      archived_at: new Date().toISOString(),
    });

    const byName = await likelyDuplicatesOfPerson(t.db, {
      first_name: "Jan",
      infix: null,
      last_name: "Vandenberg",
      initials: null,
    });
    expect(byName.map((d) => [d.id, d.name, d.reasons])).toEqual([[jan.id, "Berg, Jan van den", ["same_name"]]]);

    const [byEmail, byPhone, nobody] = await likelyDuplicatesOfPeople(t.db, [
      { first_name: "Johannes", infix: null, last_name: "Janssen", emails: ["JAN@example.org"] },
      { first_name: null, initials: "P.", infix: null, last_name: "Smeets", phone: "+31 6 1234 5678" },
      { first_name: "Ans", infix: null, last_name: "Berg" },
    ]);
    expect(byEmail!.map((d) => [d.id, d.reasons])).toEqual([[jan.id, ["same_email"]]]);
    expect(byPhone!.map((d) => [d.id, d.score, d.reasons])).toEqual([
      [piet.id, 85, ["initials_match_first_name", "same_phone"]],
    ]);
    expect(nobody).toEqual([]);
    expect(other.id).toBeGreaterThan(0);

    const itself = await likelyDuplicatesOfPerson(
      t.db,
      { first_name: "Jan", infix: "van den", last_name: "Berg" },
      { excludeId: jan.id },
    );
    expect(itself).toEqual([]);
  });

  it("finds swapped names and lets a shared organisation raise the score", async () => {
    const organisation = await makeOrganisation(t.db);
    const a = await makePerson(t.db, { first_name: "Joost", last_name: "Houben" });
    const b = await makePerson(t.db, { first_name: null, initials: "J.", last_name: "Houben" });
    await makeAffiliation(t.db, { person_id: a.id, organisation_id: organisation.id });
    const [match] = await likelyDuplicatesOfPeople(t.db, [
      { first_name: "Houben", infix: null, last_name: "Joost" },
      { first_name: null, initials: "J.", infix: null, last_name: "Houben", organisationIds: [organisation.id] },
    ]);
    expect(match!.map((d) => [d.id, d.reasons])).toEqual([[a.id, ["swapped_names"]]]);
    const pairs = await likelyDuplicatePeoplePairs(t.db);
    expect(pairs.pairs.map((p) => [p.survivor.id, p.other.id, p.reasons])).toEqual([
      [a.id, b.id, ["initials_match_first_name"]],
    ]);
  });

  it("lists the register's pairs best first and leaves out a pair marked not the same, until undone", async () => {
    const { user } = await makeUser(t.db, { role: "redacteur" });
    const jan = await makePerson(t.db, { first_name: "Jan", infix: "van den", last_name: "Berg", phone: "0612345678" });
    const jan2 = await makePerson(t.db, {
      first_name: "Jan",
      infix: "v.d.",
      last_name: "Berg",
      phone: "+31 6 12345678",
    });
    const anna = await makePerson(t.db, { first_name: "Anna", infix: null, last_name: "Smeets" });
    const anna2 = await makePerson(t.db, { first_name: "Anna", infix: null, last_name: "Smeets" });
    const swapped = await makePerson(t.db, { first_name: "Smeets", infix: null, last_name: "Anna" });
    await makePerson(t.db, { first_name: "Erased", last_name: "Berg", erased_at: new Date().toISOString() });

    const before = await likelyDuplicatePeoplePairs(t.db);
    expect(before.pairs.map((p) => [p.survivor.id, p.other.id, p.score])).toEqual([
      [jan.id, jan2.id, 90],
      [anna.id, anna2.id, 65],
      [anna.id, swapped.id, 55],
      [anna2.id, swapped.id, 55],
    ]);
    expect(before.pairs[0]!.survivor.name).toBe("Berg, Jan van den");

    const mark = await markNotTheSame(t.db, user, "person", anna2.id, anna.id);
    expect(await markNotTheSame(t.db, user, "person", anna.id, anna2.id)).toBe(mark);
    const after = await likelyDuplicatePeoplePairs(t.db);
    expect(after.total).toBe(3);
    expect(after.pairs.some((p) => p.survivor.id === anna.id && p.other.id === anna2.id)).toBe(false);
    expect(await likelyDuplicatesOfPerson(t.db, anna, { excludeId: anna.id })).toHaveLength(1);
    const log = await t.db.selectFrom("audit_log").selectAll().where("entity", "=", "duplicate_dismissals").execute();
    expect(log.map((entry) => [entry.action, entry.entity_id, entry.user_id])).toEqual([
      ["create", String(mark), user.id],
    ]);

    await expect(undoNotTheSame(t.db, user, mark, "organisation")).rejects.toThrow(/not found/);
    await undoNotTheSame(t.db, user, mark, "person");
    expect((await likelyDuplicatePeoplePairs(t.db)).total).toBe(4);
    const undone = await t.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity", "=", "duplicate_dismissals")
      .execute();
    expect(undone.map((entry) => entry.action)).toEqual(["create", "delete"]);
  });

  it("finds organisations by name, abbreviation, e-mail and website", async () => {
    const { user } = await makeUser(t.db, { role: "redacteur" });
    const mumc = await makeOrganisation(t.db, {
      name: "Maastricht Universitair Medisch Centrum+",
      short_name: "MUMC+",
      website: "https://www.mumc.nl",
    });
    const ggd = await makeOrganisation(t.db, { name: "GGD Zuid Limburg", email: "info@ggdzl.nl" });
    const ggd2 = await makeOrganisation(t.db, { name: "Stichting GGD Zuid-Limburg" });
    await makeOrganisation(t.db, { name: "Gemeente Heerlen" });

    expect((await likelyDuplicatesOfOrganisation(t.db, { name: "MUMC+" })).map((d) => [d.id, d.reasons])).toEqual([
      [mumc.id, ["name_is_abbreviation"]],
    ]);
    expect(
      (await likelyDuplicatesOfOrganisation(t.db, { name: "Academisch ziekenhuis", website: "mumc.nl/contact" })).map(
        (d) => d.id,
      ),
    ).toEqual([mumc.id]);
    expect(
      (await likelyDuplicatesOfOrganisation(t.db, { name: "GGD ZL", email: "INFO@ggdzl.nl" })).map((d) => [
        d.id,
        d.score,
      ]),
    ).toEqual([
      [ggd.id, 90],
      [ggd2.id, 50],
    ]);

    const pairs = await likelyDuplicateOrganisationPairs(t.db);
    expect(pairs.pairs.map((p) => [p.survivor.id, p.other.id, p.reasons])).toEqual([[ggd.id, ggd2.id, ["same_name"]]]);
    await markNotTheSame(t.db, user, "organisation", ggd.id, ggd2.id);
    expect((await likelyDuplicateOrganisationPairs(t.db)).total).toBe(0);
  });
});

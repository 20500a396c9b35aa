import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { todayInAmsterdam } from "../../app/i18n/format";
import { archivePerson, updatePerson } from "../../app/models/people.server";
import {
  archiveForRetention,
  ChosenPeopleChangedError,
  chosenForReview,
  peopleForReview,
  type ReviewCriteria,
} from "../../app/models/retention.server";
import { addDays } from "../../app/services/periods";
import { retentionCutoff } from "../../app/services/retention";
import type { User } from "../../db/schema";
import {
  createTestDatabase,
  makeBody,
  makeOrganisation,
  makePerson,
  makeSeat,
  makeUser,
  type TestDatabase,
} from "../support/db";
import { frozenWave, panelRegister } from "../support/panels";
import { makeAffiliation } from "../support/people";

let t: TestDatabase;
let beheerder: User;
beforeEach(async () => {
  t = await createTestDatabase();
  beheerder = (await makeUser(t.db, { role: "beheerder" })).user;
});
afterEach(async () => {
  await t.cleanup();
});

const today = todayInAmsterdam();
const cutoff = retentionCutoff(today, 24);
const criteria = (overrides: Partial<ReviewCriteria> = {}): ReviewCriteria => ({
  cutoff,
  today,
  includeArchived: false,
  ...overrides,
});
const LONG_AGO = "2015-06-30";

/** A person entered long before the retention period (their record's own age counts when they never held anything). */
const oldPerson = (lastName: string) =>
  makePerson(t.db, { last_name: lastName, created_at: "2015-01-01T09:00:00.000Z" });

const listed = async (overrides: Partial<ReviewCriteria> = {}) =>
  (await peopleForReview(t.db, criteria(overrides), 1)).rows.map((row) => row.last_name);

describe("the people due for review", () => {
  it("are those whose last job or seat ended before the cutoff, and the old records that never had one", async () => {
    const ggd = await makeOrganisation(t.db, { name: "GGD Zuid Limburg" });
    const dayBefore = await oldPerson("Dag voor de grens");
    await makeAffiliation(t.db, {
      person_id: dayBefore.id,
      organisation_id: ggd.id,
      start_date: "2014-01-01",
      end_date: addDays(cutoff, -1),
    });
    const onTheCutoff = await oldPerson("Precies op de grens");
    await makeAffiliation(t.db, { person_id: onTheCutoff.id, start_date: "2014-01-01", end_date: cutoff });
    const stillSeated = await oldPerson("Zetel loopt nog");
    await makeAffiliation(t.db, { person_id: stillSeated.id, start_date: "2014-01-01", end_date: LONG_AGO });
    await makeSeat(t.db, { person_id: stillSeated.id, start_date: "2014-01-01", end_date: null });
    const seatEndsToday = await oldPerson("Zetel eindigt vandaag");
    await makeSeat(t.db, { person_id: seatEndsToday.id, start_date: "2014-01-01", end_date: today });
    const jobRuns = await oldPerson("Functie loopt nog");
    await makeAffiliation(t.db, { person_id: jobRuns.id, start_date: "2014-01-01", end_date: null });
    await oldPerson("Nooit iets");
    await makePerson(t.db, { last_name: "Nieuw zonder functie" });

    const { rows, page } = await peopleForReview(t.db, criteria(), 1);
    expect(page.total).toBe(2);
    expect(rows).toEqual([
      expect.objectContaining({
        last_name: "Nooit iets",
        lastEnd: null,
        lastOrganisation: null,
        lastBody: null,
        archived: false,
        inFrozenPanel: false,
      }),
      expect.objectContaining({
        last_name: "Dag voor de grens",
        lastEnd: addDays(cutoff, -1),
        lastOrganisation: "GGD Zuid Limburg",
        lastBody: null,
      }),
    ]);
  });

  it("name the job or seat that ended last, the longest gone first", async () => {
    const raad = await makeBody(t.db, { name: "Adviesraad Wonen" });
    const seatLast = await oldPerson("Zetel als laatste");
    await makeAffiliation(t.db, { person_id: seatLast.id, start_date: "2010-01-01", end_date: "2012-12-31" });
    await makeSeat(t.db, {
      person_id: seatLast.id,
      body_id: raad.id,
      start_date: "2010-01-01",
      end_date: "2016-03-31",
    });
    const earlier = await oldPerson("Eerder weg");
    await makeSeat(t.db, { person_id: earlier.id, start_date: "2010-01-01", end_date: "2013-01-31" });

    const { rows } = await peopleForReview(t.db, criteria(), 1);
    expect(rows.map((row) => [row.last_name, row.lastEnd, row.lastBody])).toEqual([
      ["Eerder weg", "2013-01-31", expect.stringMatching(/^Werkgroep/)],
      ["Zetel als laatste", "2016-03-31", "Adviesraad Wonen"],
    ]);
  });

  it("follow the period asked for", async () => {
    const person = await oldPerson("Vijf jaar weg");
    await makeAffiliation(t.db, { person_id: person.id, start_date: "2010-01-01", end_date: addDays(today, -5 * 366) });
    expect(await listed()).toEqual(["Vijf jaar weg"]);
    expect(await listed({ cutoff: retentionCutoff(today, 120) })).toEqual([]);
  });

  it("leave the archived out unless asked, and page like the other lists", async () => {
    const archived = await oldPerson("Al gearchiveerd");
    await archivePerson(t.db, beheerder, archived.id, archived.version);
    for (let n = 0; n < 26; n += 1) await oldPerson(`Oud ${String(n).padStart(2, "0")}`);
    const first = await peopleForReview(t.db, criteria(), 1);
    expect(first.page).toMatchObject({ total: 26, pages: 2, from: 1, to: 25 });
    expect(first.rows.map((row) => row.last_name)).not.toContain("Al gearchiveerd");
    const withArchived = await peopleForReview(t.db, criteria({ includeArchived: true }), 1);
    expect(withArchived.rows.map((row) => [row.last_name, row.archived])).toContainEqual(["Al gearchiveerd", true]);
    const second = await peopleForReview(t.db, criteria({ includeArchived: true }), 2);
    expect(second.page).toMatchObject({ total: 27, page: 2, from: 26, to: 27 });
    expect(second.rows).toHaveLength(2);
  });

  it("say who is in a frozen panel", async () => {
    const register = await panelRegister(t.db);
    const member = await register.member("Panellid", { level: "strategisch", organisation: "ggd", from: "2014-01-01" });
    await frozenWave(t.db, beheerder, "Meting 2024", "2024-06-01");
    const left = "2024-12-31";
    await t.db.updateTable("affiliations").set({ end_date: left }).where("person_id", "=", member.id).execute();
    await t.db.updateTable("seats").set({ end_date: left }).where("person_id", "=", member.id).execute();

    const { rows } = await peopleForReview(t.db, criteria({ cutoff: addDays(left, 1) }), 1);
    expect(rows).toEqual([
      expect.objectContaining({ last_name: "Panellid", inFrozenPanel: true, lastBody: "Bestuurlijke Regiegroep" }),
    ]);
  });
});

describe("archiving the chosen people", () => {
  const archivedAt = async (id: number) =>
    (await t.db.selectFrom("people").select("archived_at").where("id", "=", id).executeTakeFirstOrThrow()).archived_at;
  const archiveEntries = () =>
    t.db
      .selectFrom("audit_log")
      .select(["entity_id", "action", "user_id"])
      .where("entity", "=", "people")
      .where("action", "=", "archive")
      .orderBy("entity_id")
      .execute();

  it("archives them all in one go, each audited as a single archive is", async () => {
    const a = await oldPerson("Eerste");
    const b = await oldPerson("Tweede");
    const chosen = [a, b].map((person) => ({ id: person.id, version: person.version }));
    expect(await archiveForRetention(t.db, beheerder, criteria(), chosen)).toBe(2);
    expect(await archivedAt(a.id)).not.toBeNull();
    expect(await archivedAt(b.id)).not.toBeNull();
    expect(await archiveEntries()).toEqual([
      { entity_id: String(a.id), action: "archive", user_id: beheerder.id },
      { entity_id: String(b.id), action: "archive", user_id: beheerder.id },
    ]);
  });

  it("archives nobody when one of them was edited, got a job or was archived since the confirmation", async () => {
    const kept = await oldPerson("Ongewijzigd");
    const edited = await oldPerson("Bewerkt");
    const hired = await oldPerson("Nieuwe functie");
    const gone = await oldPerson("Al weg");
    const chosen = [kept, edited, hired, gone].map((person) => ({ id: person.id, version: person.version }));

    await updatePerson(t.db, beheerder, edited.id, edited.version, {
      ...edited,
      last_name: "Bewerkt!",
    });
    await makeAffiliation(t.db, { person_id: hired.id, start_date: today, end_date: null });
    await archivePerson(t.db, beheerder, gone.id, gone.version);

    const refused = await archiveForRetention(t.db, beheerder, criteria(), chosen).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ChosenPeopleChangedError);
    expect((refused as ChosenPeopleChangedError).changed.map((person) => person.id)).toEqual([
      edited.id,
      hired.id,
      gone.id,
    ]);
    expect(await archivedAt(kept.id)).toBeNull();
    expect(await archivedAt(edited.id)).toBeNull();
    expect((await archiveEntries()).map((entry) => entry.entity_id)).toEqual([String(gone.id)]);

    // the confirmation page, shown again, lists who is still due as they are now
    const again = await chosenForReview(t.db, criteria(), chosen);
    expect(again.map((row) => [row.id, row.version])).toEqual([
      [kept.id, kept.version],
      [edited.id, edited.version + 1],
    ]);
  });
});

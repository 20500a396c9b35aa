import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../../db/schema";
import { rosterOnDay } from "../../app/models/bodies.server";
import { freezeWave, verifyFrozenPanel } from "../../app/models/panel-freeze.server";
import { personAccessReport } from "../../app/models/person-access.server";
import { ERASED_NAME, erasePeople } from "../../app/models/person-erasure.server";
import { addPersonEmail, createPerson, updatePerson } from "../../app/models/people.server";
import { searchRegister } from "../../app/models/search.server";
import { createWave, updateWaveRules } from "../../app/models/survey-waves.server";
import { loadDemo } from "../../seeds/load";
import { createTestDatabase, makeUser, type TestDatabase, defaultRegionId } from "../support/db";
import { STRATEGIC_AND_TACTICAL } from "../support/panels";

/**
 * Erasing a person of the demo network (AVG art. 17): what identified them is gone everywhere, the
 * network's history is not: rosters of past days count the same, frozen panels still verify, and
 * their address can never be recorded again.
 */

const PAST_DAYS = ["2024-03-01", "2025-06-01", "2026-01-15"];

let t: TestDatabase;
let beheerder: User;
let waveIds: number[];
let personId: number;
let address: string;
let fullName: string;
let bodyIds: number[];

async function rosterCounts() {
  const counts: Record<string, number> = {};
  for (const bodyId of bodyIds)
    for (const day of PAST_DAYS) counts[`${bodyId}@${day}`] = (await rosterOnDay(t.db, bodyId, day)).length;
  return counts;
}

async function attendanceCount() {
  const row = await t.db
    .selectFrom("attendance")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("person_id", "=", personId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  t = await createTestDatabase();
  await loadDemo(t.db);
  beheerder = (await makeUser(t.db, { role: "beheerder" })).user;
  waveIds = [];
  for (const [name, day] of [
    ["Meting 2025", "2025-06-01"],
    ["Meting 2026", "2026-01-15"],
  ] as const) {
    const created = await createWave(
      t.db,
      beheerder,
      {
        name,
        year: Number(day.slice(0, 4)),
        reference_date: day,
        link_template: "https://enquete.example.org/s/{token}",
        method_notes: null,
      },
      await defaultRegionId(t.db),
    );
    const withRules = await updateWaveRules(t.db, beheerder, created.id, created.version, STRATEGIC_AND_TACTICAL);
    waveIds.push((await freezeWave(t.db, beheerder, created.id, withRules.version)).wave.id);
  }
  // someone in both panels, with an address, seats and attendance: the hardest person to erase
  const candidate = await t.db
    .selectFrom("panel_members")
    .innerJoin("person_emails", "person_emails.person_id", "panel_members.person_id")
    .innerJoin("attendance", "attendance.person_id", "panel_members.person_id")
    .innerJoin("people", "people.id", "panel_members.person_id")
    .select(["people.id", "people.version", "person_emails.email", "people.first_name", "people.last_name"])
    .where("panel_members.wave_id", "in", waveIds)
    .groupBy(["people.id", "people.version", "person_emails.email", "people.first_name", "people.last_name"])
    .having(sql`count(distinct panel_members.wave_id)`, "=", 2)
    .orderBy("people.id")
    .executeTakeFirstOrThrow();
  personId = candidate.id;
  address = candidate.email;
  // a note and a phone number that only the audit log and the row hold, to see them go
  const person = await t.db.selectFrom("people").selectAll().where("id", "=", personId).executeTakeFirstOrThrow();
  await updatePerson(t.db, beheerder, personId, person.version, {
    first_name: person.first_name,
    infix: person.infix,
    last_name: person.last_name,
    initials: person.initials,
    salutation: person.salutation,
    title: person.title,
    phone: "043 765 43 21",
    preferred_language: person.preferred_language,
    notes: "Belt liever dan dat ze mailt",
  });
  fullName = [person.first_name, person.infix, person.last_name].filter(Boolean).join(" ");
  bodyIds = (await t.db.selectFrom("seats").select("body_id").where("person_id", "=", personId).execute()).map(
    (row) => row.body_id,
  );
}, 120_000);

afterAll(async () => {
  await t?.cleanup();
});

describe("the access report of a demo person", () => {
  it("shows the meetings they attended with their own row of each register only", async () => {
    const report = await personAccessReport(t.db, personId);
    const meetings = report!.audit_entries.filter((entry) => entry.entity === "meetings");
    expect(meetings.length).toBeGreaterThan(0);
    const rows = meetings.flatMap((entry) =>
      [entry.before, entry.after].flatMap((snapshot) => {
        const attendance = (snapshot as { attendance?: unknown } | null)?.attendance;
        return Array.isArray(attendance) ? (attendance as { person_id: number; substitute_person_id?: number }[]) : [];
      }),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect([row.person_id, row.substitute_person_id]).toContain(personId);
  });
});

describe("erasing a demo person", () => {
  it("keeps every count of the past and every frozen panel's hash, and removes what identified them", async () => {
    const rostersBefore = await rosterCounts();
    const attendanceBefore = await attendanceCount();
    const verificationsBefore = await Promise.all(waveIds.map((id) => verifyFrozenPanel(t.db, id)));
    expect(verificationsBefore.every((v) => v?.matches)).toBe(true);
    expect(bodyIds.length).toBeGreaterThan(0);

    await t.db
      .insertInto("external_ids")
      .values({ entity: "people", entity_id: personId, source: "ledenlijst.csv", value: "R-1042" })
      .execute();
    const [result] = await erasePeople(t.db, beheerder, [personId]);
    expect(result).toMatchObject({ personId, erased: true, suppressedAddresses: 1 });
    expect(result!.redactedAuditEntries).toBeGreaterThan(0);

    expect(await rosterCounts()).toEqual(rostersBefore);
    expect(await attendanceCount()).toBe(attendanceBefore);
    const verificationsAfter = await Promise.all(waveIds.map((id) => verifyFrozenPanel(t.db, id)));
    expect(verificationsAfter).toEqual(verificationsBefore);

    const person = await t.db.selectFrom("people").selectAll().where("id", "=", personId).executeTakeFirstOrThrow();
    expect(person).toMatchObject({ first_name: null, infix: null, last_name: ERASED_NAME, phone: null, notes: null });
    expect(person.erased_at).not.toBeNull();
    expect(person.archived_at).not.toBeNull();
    expect(await t.db.selectFrom("person_emails").where("person_id", "=", personId).selectAll().execute()).toEqual([]);
    const externalIds = t.db.selectFrom("external_ids").selectAll().where("entity", "=", "people");
    expect(await externalIds.where("entity_id", "=", personId).execute()).toEqual([]);
    const members = await t.db.selectFrom("panel_members").selectAll().where("person_id", "=", personId).execute();
    expect(members).toHaveLength(2);
    for (const member of members) {
      expect(member).toMatchObject({ first_name: null, last_name: ERASED_NAME, email: "" });
      expect(member.excluded_at).not.toBeNull();
    }
  });

  it("leaves nothing of their address, phone, note or name in the audit log, and logs the erasure itself", async () => {
    const entries = await t.db.selectFrom("audit_log").select(["before", "after", "summary", "action"]).execute();
    const text = JSON.stringify(entries).toLowerCase();
    for (const secret of [address, "043 765 43 21", "belt liever dan dat ze mailt", fullName.toLowerCase()])
      expect(text, secret).not.toContain(secret.toLowerCase());
    const erasure = await t.db
      .selectFrom("audit_log")
      .selectAll()
      .where("entity", "=", "people")
      .where("entity_id", "=", String(personId))
      .where("action", "=", "erase")
      .execute();
    expect(erasure).toHaveLength(1);
    expect(erasure[0]!.user_id).toBe(beheerder.id);
    expect(JSON.parse(erasure[0]!.after!)).toMatchObject({ suppressed_addresses: 1 });
  });

  it("finds them no more by name or address in the search", async () => {
    expect(await searchRegister(t.db, address)).toEqual([]);
    const byName = await searchRegister(t.db, fullName);
    expect(byName.some((hit) => hit.kind === "person" && hit.id === personId)).toBe(false);
  });

  it("refuses their address on anyone, new or existing, whatever its case", async () => {
    const fields = {
      first_name: "Nieuwe",
      infix: null,
      last_name: "Collega",
      initials: null,
      salutation: null,
      title: null,
      phone: null,
      preferred_language: "nl" as const,
      notes: null,
    };
    await expect(createPerson(t.db, beheerder, { ...fields, email: address })).rejects.toThrow(
      "people.errors.emailErased",
    );
    const other = await createPerson(t.db, beheerder, { ...fields, email: null });
    await expect(addPersonEmail(t.db, beheerder, other.id, other.version, address.toUpperCase())).rejects.toThrow(
      "people.errors.emailErased",
    );
  });

  it("changes nothing when the person is erased a second time", async () => {
    const countBefore = await t.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const [again] = await erasePeople(t.db, beheerder, [personId]);
    expect(again).toMatchObject({ erased: false, redactedAuditEntries: 0 });
    const countAfter = await t.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(countAfter.n)).toBe(Number(countBefore.n));
  });

  it("still refuses any other change of the audit log or of a frozen panel member", async () => {
    await expect(sql`update audit_log set summary = 'anders' where id = 1`.execute(t.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(
      sql`update audit_log set entity_id = '0', redacted_at = 'nu' where id = 1`.execute(t.db),
    ).rejects.toThrow(/append-only/);
    const member = await t.db
      .selectFrom("panel_members")
      .select("id")
      .where("erased_at", "is", null)
      .executeTakeFirstOrThrow();
    await expect(sql`update panel_members set first_name = 'X' where id = ${member.id}`.execute(t.db)).rejects.toThrow(
      /frozen panel member/,
    );
    const erased = await t.db
      .selectFrom("panel_members")
      .select("id")
      .where("erased_at", "is not", null)
      .executeTakeFirstOrThrow();
    await expect(
      sql`update panel_members set last_name = 'Terug', erased_at = 'nu' where id = ${erased.id}`.execute(t.db),
    ).rejects.toThrow(/frozen panel member/);
  });
});

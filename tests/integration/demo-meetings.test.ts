import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedAttendees } from "../../app/models/meetings.server";
import type { DB } from "../../db/index";
import { loadDemo } from "../../seeds/load";
import { createTestDatabase, type TestDatabase } from "../support/db";

/**
 * The demo network's meetings, checked against the annual report 2025 of the network office
 * ("22x CMO 4x BRGZL 4x BAT-overleg 11x Projectleidersoverleg; Betrokken: 4x Actie Sante
 * 4x Alliantie Sante 8x DB Mijnstreek Coalitie 2x Brede mijnstreek coalitie; 4x BGZL heisessies
 * 2x BAT/PO sessie 1x RVT sessie 1x IZA- Avant la lettre 2x BNB 2x CMO-verdieping").
 * This file is about the demo seed itself, so it is the one place a test loads it.
 */

const REPORTED_BODY_MEETINGS_2025: Record<string, number> = {
  "Coördinerend Managementoverleg": 22,
  "Bestuurlijke Regiegroep Gezond Zuid-Limburg": 4,
  "Beleidsadviesteam Zuid-Limburg": 4,
  Projectleidersoverleg: 11,
  "Actie Santé": 4,
  "Alliantie Santé": 4,
  "DB Mijnstreek Coalitie": 8,
  "Brede Mijnstreek Coalitie": 2,
};

const REPORTED_EVENTS_2025 = [
  { kind: "heisessie", titleStart: "Heisessie BRGZL", count: 4 },
  { kind: "themasessie", titleStart: "BAT/PO-sessie", count: 2 },
  { kind: "leerbijeenkomst", titleStart: "RvT-sessie", count: 1 },
  { kind: "leerbijeenkomst", titleStart: "IZA Avant la lettre", count: 1 },
  { kind: "brede_netwerkbijeenkomst", titleStart: "Brede netwerkbijeenkomst", count: 2 },
  { kind: "themasessie", titleStart: "CMO-verdieping", count: 2 },
];

const DEMO_TODAY = "2026-11-23";

function heldIn2025(db: DB) {
  return db
    .selectFrom("meetings")
    .where("status", "=", "gehouden")
    .where("date", ">=", "2025-01-01")
    .where("date", "<=", "2025-12-31");
}

async function attendanceRows(db: DB) {
  return db
    .selectFrom("attendance")
    .select(["id", "meeting_id", "person_id", "status", "substitute_person_id", "seat_id", "organisation_id", "note"])
    .orderBy("id")
    .execute();
}

describe("the demo network's meetings", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
    await loadDemo(test.db);
  });
  afterAll(async () => {
    await test.cleanup();
  });

  it("held as often in 2025 as the annual report counts per body, cancelled meetings not counted", async () => {
    const counts = await heldIn2025(test.db)
      .innerJoin("bodies", "bodies.id", "meetings.body_id")
      .select(["bodies.name", (eb) => eb.fn.countAll<number>().as("held")])
      .where("bodies.name", "in", Object.keys(REPORTED_BODY_MEETINGS_2025))
      .groupBy("bodies.name")
      .execute();
    expect(Object.fromEntries(counts.map((row) => [row.name, row.held]))).toEqual(REPORTED_BODY_MEETINGS_2025);

    const cancelled = await test.db
      .selectFrom("meetings")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("status", "=", "geannuleerd")
      .where("date", "like", "2025-%")
      .executeTakeFirstOrThrow();
    expect(cancelled.count).toBeGreaterThan(0);
  });

  it("held the network events of 2025 the annual report lists, each with its invitations", async () => {
    const events = await heldIn2025(test.db).select(["id", "kind", "title"]).where("body_id", "is", null).execute();
    for (const { kind, titleStart, count } of REPORTED_EVENTS_2025) {
      const matching = events.filter((event) => event.title.startsWith(titleStart));
      expect(
        matching.map((event) => event.kind),
        titleStart,
      ).toEqual(Array(count).fill(kind));
    }
    expect(events).toHaveLength(REPORTED_EVENTS_2025.reduce((sum, event) => sum + event.count, 0));
    expect(events.find((event) => event.title.startsWith("RvT-sessie"))?.title).toContain("Toezicht op het Regioplan");

    const uninvited = await test.db
      .selectFrom("meetings")
      .select("meetings.title")
      .where("meetings.body_id", "is", null)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("meeting_invitations")
              .select("id")
              .whereRef("meeting_invitations.meeting_id", "=", "meetings.id"),
          ),
        ),
      )
      .execute();
    expect(uninvited).toEqual([]);
  });

  it("has attendance for every held meeting and none for planned or cancelled ones", async () => {
    const held = await test.db
      .selectFrom("meetings")
      .leftJoin("attendance", "attendance.meeting_id", "meetings.id")
      .select(["meetings.title", "meetings.date", (eb) => eb.fn.count<number>("attendance.id").as("rows")])
      .where("meetings.status", "=", "gehouden")
      .groupBy("meetings.id")
      .execute();
    expect(held.length).toBeGreaterThan(100);
    expect(held.filter((meeting) => meeting.rows === 0)).toEqual([]);

    const notHeld = await test.db
      .selectFrom("attendance")
      .innerJoin("meetings", "meetings.id", "attendance.meeting_id")
      .select("meetings.id")
      .where("meetings.status", "<>", "gehouden")
      .execute();
    expect(notHeld).toEqual([]);
  });

  it("registers only people expected on the meeting date, plus guests who were not; substitutes are colleagues, never the member", async () => {
    const rows = await attendanceRows(test.db);
    const byMeeting = new Map<number, typeof rows>();
    for (const row of rows) byMeeting.set(row.meeting_id, [...(byMeeting.get(row.meeting_id) ?? []), row]);
    const meetings = await test.db
      .selectFrom("meetings")
      .select(["id", "body_id", "date"])
      .where("status", "=", "gehouden")
      .execute();
    const problems: string[] = [];
    for (const meeting of meetings) {
      const expected = new Map((await expectedAttendees(test.db, meeting.id)).map((entry) => [entry.person_id, entry]));
      const registered = byMeeting.get(meeting.id) ?? [];
      const present = new Set(registered.map((row) => row.person_id));
      for (const row of registered) {
        const entry = expected.get(row.person_id);
        const where = `meeting ${meeting.id} on ${meeting.date}, person ${row.person_id}`;
        if (row.status === "gast") {
          if (entry) problems.push(`${where}: a guest who was expected anyway`);
          continue;
        }
        if (!entry) problems.push(`${where}: not on the roster or invited`);
        else if (
          meeting.body_id !== null &&
          (row.seat_id !== entry.seat_id || row.organisation_id !== entry.organisation_id)
        ) {
          problems.push(`${where}: seat or organisation differs from the roster`);
        }
        if (row.status === "vervangen") {
          const substitute = row.substitute_person_id!;
          if (substitute === row.person_id) problems.push(`${where}: substitutes themselves`);
          if (expected.has(substitute) || present.has(substitute))
            problems.push(`${where}: substitute ${substitute} is on the list already`);
          const colleague = await test.db
            .selectFrom("affiliations")
            .select("id")
            .where("person_id", "=", substitute)
            .where("organisation_id", "=", row.organisation_id!)
            .where((eb) => eb.or([eb("start_date", "is", null), eb("start_date", "<=", meeting.date)]))
            .where((eb) => eb.or([eb("end_date", "is", null), eb("end_date", ">=", meeting.date)]))
            .executeTakeFirst();
          if (!colleague) problems.push(`${where}: substitute ${substitute} did not work at the seat's organisation`);
        } else if (row.substitute_person_id !== null) {
          problems.push(`${where}: a substitute without the status vervangen`);
        }
      }
      if (meeting.body_id !== null && [...expected.keys()].some((personId) => !present.has(personId))) {
        problems.push(`meeting ${meeting.id} on ${meeting.date}: someone on the roster has no status`);
      }
    }
    expect(problems).toEqual([]);
    expect(rows.filter((row) => row.status === "vervangen").length).toBeGreaterThan(0);
    expect(rows.filter((row) => row.status === "gast").length).toBeGreaterThan(0);
  });

  it("looks like real attendance: about four in five present, chairs and secretaries nearly always", async () => {
    const shares = await test.db
      .selectFrom("attendance")
      .innerJoin("meetings", "meetings.id", "attendance.meeting_id")
      .innerJoin("seats", "seats.id", "attendance.seat_id")
      .select([
        sql<string>`case when seats.role in ('voorzitter', 'secretaris') then 'leads' else 'others' end`.as("group"),
        sql<number>`avg(case when attendance.status = 'aanwezig' then 1.0 else 0 end)`.as("present"),
      ])
      .where("meetings.body_id", "is not", null)
      .groupBy("group")
      .execute();
    const share = Object.fromEntries(shares.map((row) => [row.group, row.present]));
    expect(share.leads).toBeGreaterThan(0.9);
    expect(share.others).toBeGreaterThan(0.7);
    expect(share.others).toBeLessThan(0.9);
  });

  it("has meetings planned after the demo's today for the main bodies and the network", async () => {
    const planned = await test.db
      .selectFrom("meetings")
      .leftJoin("bodies", "bodies.id", "meetings.body_id")
      .select(["bodies.name", (eb) => eb.fn.countAll<number>().as("planned")])
      .where("meetings.status", "=", "gepland")
      .where("meetings.date", ">", DEMO_TODAY)
      .groupBy("bodies.name")
      .execute();
    const plannedBy = Object.fromEntries(planned.map((row) => [row.name ?? "network events", row.planned]));
    for (const name of [
      "Coördinerend Managementoverleg",
      "Bestuurlijke Regiegroep Gezond Zuid-Limburg",
      "Beleidsadviesteam Zuid-Limburg",
      "Projectleidersoverleg",
      "network events",
    ]) {
      expect(plannedBy[name], name).toBeGreaterThan(0);
    }
    const held2026 = await test.db
      .selectFrom("meetings")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("status", "=", "gehouden")
      .where("date", "like", "2026-%")
      .executeTakeFirstOrThrow();
    expect(held2026.count).toBeGreaterThan(0);
  });

  it("logs one audit entry per meeting and per series, as for the rest of the demo data", async () => {
    const [meetings, series, logged] = await Promise.all([
      test.db
        .selectFrom("meetings")
        .select((eb) => eb.fn.countAll<number>().as("count"))
        .executeTakeFirstOrThrow(),
      test.db
        .selectFrom("meeting_series")
        .select((eb) => eb.fn.countAll<number>().as("count"))
        .executeTakeFirstOrThrow(),
      test.db
        .selectFrom("audit_log")
        .select(["entity", (eb) => eb.fn.countAll<number>().as("count")])
        .where("entity", "in", ["meetings", "meeting_series"])
        .where("summary", "=", "demodata")
        .groupBy("entity")
        .execute(),
    ]);
    expect(series.count).toBeGreaterThan(0);
    expect(Object.fromEntries(logged.map((row) => [row.entity, row.count]))).toEqual({
      meetings: meetings.count,
      meeting_series: series.count,
    });
  });

  it("gives the same attendance on every load", async () => {
    const again = await createTestDatabase();
    try {
      await loadDemo(again.db);
      expect(await attendanceRows(again.db)).toEqual(await attendanceRows(test.db));
    } finally {
      await again.cleanup();
    }
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bodyRoster, listBodies } from "../../app/models/bodies.server";
import { todayInAmsterdam } from "../../app/i18n/format";
import * as bodyRoute from "../../app/routes/gremia.$bodyId";
import { addDays, neighbouringChanges, periodEvents } from "../../app/services/periods";
import { createTestDatabase, makeBody, makeOrganisation, makePerson, makeSeat, type TestDatabase } from "../support/db";
import { makeSeats } from "../support/bulk";
import { call, get, signedIn } from "../support/routes";

let test: TestDatabase;
beforeEach(async () => {
  test = await createTestDatabase();
});
afterEach(async () => {
  await test.cleanup();
});

describe("the roster of a body on a date", () => {
  it("does not show a seat that ended yesterday on today's roster", async () => {
    const today = todayInAmsterdam();
    const body = await makeBody(test.db);
    const leaver = await makePerson(test.db, { last_name: "Vertrokken" });
    const stayer = await makePerson(test.db, { last_name: "Blijver" });
    await makeSeat(test.db, {
      body_id: body.id,
      person_id: leaver.id,
      start_date: "2024-01-01",
      end_date: addDays(today, -1),
    });
    await makeSeat(test.db, { body_id: body.id, person_id: stayer.id, start_date: "2024-01-01" });

    const { roster } = await bodyRoster(test.db, body.id, today);
    expect(roster.map((s) => s.person_name)).toEqual(["Test Blijver"]);
  });

  it("counts the first and the last day of a seat as days in the body", async () => {
    const body = await makeBody(test.db);
    await makeSeat(test.db, { body_id: body.id, start_date: "2025-03-01", end_date: "2025-06-30" });
    for (const [day, expected] of [
      ["2025-02-28", 0],
      ["2025-03-01", 1],
      ["2025-06-30", 1],
      ["2025-07-01", 0],
    ] as const) {
      expect((await bodyRoster(test.db, body.id, day)).roster, day).toHaveLength(expected);
    }
  });

  it("shows who sat there on a past date, on behalf of which organisation, chair first", async () => {
    const body = await makeBody(test.db);
    const cz = await makeOrganisation(test.db, { name: "CZ" });
    const maastricht = await makeOrganisation(test.db, { name: "Gemeente Maastricht" });
    const member = await makePerson(test.db, { first_name: "Anna", infix: "van den", last_name: "Berg" });
    const chair = await makePerson(test.db, { last_name: "Wetzels" });
    await makeSeat(test.db, {
      body_id: body.id,
      person_id: member.id,
      organisation_id: cz.id,
      start_date: "2024-01-01",
    });
    await makeSeat(test.db, {
      body_id: body.id,
      person_id: chair.id,
      role: "voorzitter",
      organisation_id: maastricht.id,
      start_date: "2024-06-01",
    });

    const { roster } = await bodyRoster(test.db, body.id, "2025-03-01");
    expect(roster.map((s) => [s.role, s.person_name, s.organisation_name])).toEqual([
      ["voorzitter", "Test Wetzels", "Gemeente Maastricht"],
      ["lid", "Anna van den Berg", "CZ"],
    ]);
    const { history } = await bodyRoster(test.db, body.id, "2025-03-01");
    expect(history.map((e) => [e.day, e.kind, e.role, e.person_name, e.organisation_name])).toEqual([
      ["2024-06-01", "start", "voorzitter", "Test Wetzels", "Gemeente Maastricht"],
      ["2024-01-01", "start", "lid", "Anna van den Berg", "CZ"],
    ]);
    expect((await bodyRoster(test.db, body.id, "2024-03-01")).roster).toHaveLength(1);
  });

  it("shows a vacant seat as an open place and counts it apart from members", async () => {
    const body = await makeBody(test.db, { name: "Beleidsadviesteam test" });
    await makeSeat(test.db, {
      body_id: body.id,
      person_id: null,
      role: "lid",
      start_date: "2025-01-01",
      note: "vacature",
    });
    await makeSeat(test.db, { body_id: body.id, start_date: "2025-01-01" });

    const { roster } = await bodyRoster(test.db, body.id, "2025-05-01");
    expect(roster.filter((s) => s.person_id === null)).toHaveLength(1);
    const [listed] = (await listBodies(test.db, "all", "2025-05-01")).filter((b) => b.id === body.id);
    expect(listed).toMatchObject({ members: 1, vacancies: 1 });
  });

  it("points to the previous and next change, where a departure changes the roster the day after it", async () => {
    const body = await makeBody(test.db);
    await makeSeat(test.db, { body_id: body.id, start_date: "2024-01-01", end_date: "2024-12-31" });
    await makeSeat(test.db, { body_id: body.id, start_date: "2025-04-01" });

    const { changes, history } = await bodyRoster(test.db, body.id, "2025-02-01");
    expect(changes).toEqual({ previous: "2025-01-01", next: "2025-04-01" });
    expect(history.map((e) => `${e.day} ${e.kind}`)).toEqual([
      "2025-04-01 start",
      "2024-12-31 end",
      "2024-01-01 start",
    ]);
  });
});

describe("the history of a large body", () => {
  it("finds the same change days and the same order of changes as the rules in periods.ts", async () => {
    const body = await makeBody(test.db);
    const periods: [string, string | null][] = [
      ["2023-01-01", "2023-12-31"],
      ["2024-01-01", null],
      ["2024-01-01", "2024-06-30"],
      ["2024-07-01", "2025-02-28"],
      ["2025-03-01", null],
      ["2025-03-01", "2025-03-01"],
      ["2026-01-01", null],
    ];
    for (const [start_date, end_date] of periods) await makeSeat(test.db, { body_id: body.id, start_date, end_date });
    const seats = await test.db
      .selectFrom("seats")
      .select(["id", "start_date", "end_date"])
      .where("body_id", "=", body.id)
      .orderBy("id")
      .execute();
    for (const day of [
      "2022-06-01",
      "2024-01-01",
      "2024-06-30",
      "2024-07-01",
      "2025-03-01",
      "2025-03-02",
      "2025-06-01",
      "2027-01-01",
    ]) {
      const { changes, history, historyTotal } = await bodyRoster(test.db, body.id, day);
      expect(changes, day).toEqual(neighbouringChanges(seats, day));
      expect(
        history.map((e) => `${e.day} ${e.kind} ${e.seat_id}`),
        day,
      ).toEqual(periodEvents(seats).map((e) => `${e.day} ${e.kind} ${e.item.id}`));
      expect(historyTotal).toBe(periodEvents(seats).length);
    }
  });

  it("shows the latest 50 changes and how many there are, and all of them when asked", async () => {
    const { cookie } = await signedIn(test.db, "lezer");
    const body = await makeBody(test.db);
    await makeSeats(test.db, body.id, 30, { start_date: "2024-01-01", end_date: "2024-12-31" });
    await makeSeats(test.db, body.id, 5, { start_date: "2025-01-01" });
    const page = async (search: string) =>
      (
        await call(test.db, bodyRoute.loader, get(`/gremia/${body.id}${search}`, cookie), { bodyId: String(body.id) })
      ).json();

    const recent = await page("?datum=2025-06-01");
    expect([recent.history.length, recent.historyTotal, recent.allHistory]).toEqual([50, 65, false]);
    expect(recent.history.slice(0, 5).map((e: { day: string; kind: string }) => `${e.day} ${e.kind}`)).toEqual(
      Array(5).fill("2025-01-01 start"),
    );
    expect(recent.roster).toHaveLength(5);
    const all = await page("?datum=2025-06-01&geschiedenis=alle");
    expect([all.history.length, all.historyTotal, all.allHistory]).toEqual([65, 65, true]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bodyRoster, listBodies } from "../../app/models/bodies.server";
import { todayInAmsterdam } from "../../app/i18n/format";
import { addDays } from "../../app/services/periods";
import { createTestDatabase, makeBody, makeOrganisation, makePerson, makeSeat, type TestDatabase } from "../support/db";

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
    await makeSeat(test.db, { body_id: body.id, person_id: leaver.id, start_date: "2024-01-01", end_date: addDays(today, -1) });
    await makeSeat(test.db, { body_id: body.id, person_id: stayer.id, start_date: "2024-01-01" });

    const { roster } = await bodyRoster(test.db, body.id, today);
    expect(roster.map((s) => s.last_name)).toEqual(["Blijver"]);
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
    await makeSeat(test.db, { body_id: body.id, person_id: member.id, organisation_id: cz.id, start_date: "2024-01-01" });
    await makeSeat(test.db, { body_id: body.id, person_id: chair.id, role: "voorzitter", organisation_id: maastricht.id, start_date: "2024-06-01" });

    const { roster } = await bodyRoster(test.db, body.id, "2025-03-01");
    expect(roster.map((s) => [s.role, s.last_name, s.organisation_name])).toEqual([
      ["voorzitter", "Wetzels", "Gemeente Maastricht"],
      ["lid", "Berg", "CZ"],
    ]);
    expect((await bodyRoster(test.db, body.id, "2024-03-01")).roster).toHaveLength(1);
  });

  it("shows a vacant seat as an open place and counts it apart from members", async () => {
    const body = await makeBody(test.db, { name: "Beleidsadviesteam test" });
    await makeSeat(test.db, { body_id: body.id, person_id: null, role: "lid", start_date: "2025-01-01", note: "vacature" });
    await makeSeat(test.db, { body_id: body.id, start_date: "2025-01-01" });

    const { roster } = await bodyRoster(test.db, body.id, "2025-05-01");
    expect(roster.filter((s) => s.person_id === null)).toHaveLength(1);
    const [listed] = (await listBodies(test.db, "2025-05-01")).filter((b) => b.id === body.id);
    expect(listed).toMatchObject({ members: 1, vacancies: 1 });
  });

  it("points to the previous and next change, where a departure changes the roster the day after it", async () => {
    const body = await makeBody(test.db);
    await makeSeat(test.db, { body_id: body.id, start_date: "2024-01-01", end_date: "2024-12-31" });
    await makeSeat(test.db, { body_id: body.id, start_date: "2025-04-01" });

    const { changes, history } = await bodyRoster(test.db, body.id, "2025-02-01");
    expect(changes).toEqual({ previous: "2025-01-01", next: "2025-04-01" });
    expect(history.map((e) => `${e.day} ${e.kind}`)).toEqual(["2025-04-01 start", "2024-12-31 end", "2024-01-01 start"]);
  });
});

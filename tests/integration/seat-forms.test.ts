import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { updateSeat } from "../../app/models/seats.server";
import * as bodyRoute from "../../app/routes/gremia.$bodyId";
import * as seatRoute from "../../app/routes/zetels.$seatId";
import {
  createTestDatabase,
  formRequest,
  makeBody,
  makeOrganisation,
  makePerson,
  makeSeat,
  type TestDatabase,
} from "../support/db";
import { call as call_, type Handler, signedIn } from "../support/routes";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

const call = (handler: Handler, request: Request, params: Record<string, string>) =>
  call_(t.db, handler, request, params);
const postToSeat = (seatId: number, cookie: string, fields: Record<string, string | number>) =>
  call(seatRoute.action, formRequest(`/zetels/${seatId}`, fields, { cookie }), { seatId: String(seatId) });

describe("the seat page's answers", () => {
  it("saves a correction and shows the seat again", async () => {
    const { cookie } = await signedIn(t.db, "redacteur");
    const seat = await makeSeat(t.db, { start_date: "2025-01-01" });
    const saved = await postToSeat(seat.id, cookie, {
      intent: "save",
      version: seat.version,
      role: "secretaris",
      organisation_id: "",
      start_date: "2025-01-01",
      end_date: "",
      note: "namens de VVT",
    });
    expect(saved.headers.get("Location")).toBe(`/zetels/${seat.id}?melding=opgeslagen`);
    expect(
      await t.db.selectFrom("seats").select(["role", "note"]).where("id", "=", seat.id).executeTakeFirstOrThrow(),
    ).toEqual({ role: "secretaris", note: "namens de VVT" });
  });

  it("answers a search with the form as it was, what was found and a new round trip", async () => {
    const { cookie } = await signedIn(t.db, "redacteur");
    const seat = await makeSeat(t.db);
    const envida = await makeOrganisation(t.db, { name: "Envida" });
    const move = { intent: "move", version: seat.version, organisation_id: "", move_date: "2025-06-01" };
    const response = await postToSeat(seat.id, cookie, {
      ...move,
      organisatie_zoeken: "Envida",
      zoeken: "organisatie",
    });
    expect(response.status).toBe(200);
    const answer = await response.json();
    expect(answer).toMatchObject({ kind: "searched", ok: true, intent: "move", roundTrip: expect.any(String) });
    expect(answer.values).toEqual({
      intent: "move",
      version: String(seat.version),
      organisation_id: "",
      move_date: "2025-06-01",
      organisatie_zoeken: "",
    });
    expect(answer.choices.found).toEqual({ kind: "organisation", query: "Envida", ids: [envida.id] });
  });

  it("refuses a save against an older version with 409, offering the organisations the other changes name", async () => {
    const { cookie, user } = await signedIn(t.db, "redacteur");
    const envida = await makeOrganisation(t.db, { name: "Envida" });
    const zuyderland = await makeOrganisation(t.db, { name: "Zuyderland" });
    const heerlen = await makeOrganisation(t.db, { name: "Gemeente Heerlen" });
    const seat = await makeSeat(t.db, { organisation_id: envida.id, start_date: "2025-01-01" });
    const fields = { role: "lid" as const, start_date: "2025-01-01", end_date: null, note: null };
    const moved = await updateSeat(t.db, user, seat.id, seat.version, { ...fields, organisation_id: zuyderland.id });
    await updateSeat(t.db, user, seat.id, moved.version, { ...fields, organisation_id: heerlen.id });

    const refused = await postToSeat(seat.id, cookie, {
      intent: "save",
      version: seat.version,
      role: "lid",
      organisation_id: "",
      start_date: "2025-01-01",
      end_date: "",
      note: "mijn notitie",
    });
    expect(refused.status).toBe(409);
    const answer = await refused.json();
    expect(answer).toMatchObject({ kind: "refused", ok: false, intent: "save", roundTrip: null });
    expect(answer.values).toMatchObject({ note: "mijn notitie", version: String(seat.version + 2) });
    expect(answer.conflict.flatMap((c: { fields: { field: string }[] }) => c.fields.map((f) => f.field))).toEqual([
      "organisation_id",
      "organisation_id",
    ]);
    // the seat's organisation now, and those the conflict names on the way
    expect(answer.choices.organisations.map((o: { name: string }) => o.name).sort()).toEqual([
      "Envida",
      "Gemeente Heerlen",
      "Zuyderland",
    ]);
  });

  it("offers no choices with the forms that search for nothing, and does not search with them", async () => {
    const { cookie } = await signedIn(t.db, "redacteur");
    const seat = await makeSeat(t.db);
    const refused = await postToSeat(seat.id, cookie, {
      intent: "end",
      version: seat.version,
      end_date: "2025-06-30",
      persoon_zoeken: "Peters",
      zoeken: "persoon",
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      kind: "refused",
      intent: "end",
      errors: { confirm: "bodies.errors.confirmEnd" },
      choices: null,
      roundTrip: null,
    });
  });

  it("answers 400 to an unknown form and 404 for a seat that does not exist", async () => {
    const { cookie } = await signedIn(t.db, "redacteur");
    const seat = await makeSeat(t.db);
    expect((await postToSeat(seat.id, cookie, { intent: "delete", version: seat.version })).status).toBe(400);
    const fill = { intent: "fill", version: 1, person_id: "", start_date: "2025-03-01", zoeken: "persoon" };
    expect((await postToSeat(seat.id + 1000, cookie, fill)).status).toBe(404);
    const end = { intent: "end", version: 1, end_date: "2025-06-30", confirm: "on" };
    expect((await postToSeat(seat.id + 1000, cookie, end)).status).toBe(404);
  });
});

describe("the body page's answers to the add-seat form", () => {
  it("tells a search from a refusal, and starts a new round trip only with a search", async () => {
    const { cookie } = await signedIn(t.db, "redacteur");
    const body = await makeBody(t.db);
    await makePerson(t.db, { first_name: "Eva", last_name: "Bakker" });
    const post = (fields: Record<string, string>) =>
      call(
        bodyRoute.action,
        formRequest(
          `/gremia/${body.id}`,
          { intent: "add", person: "", role: "lid", organisation_id: "", start_date: "2025-03-01", ...fields },
          { cookie },
        ),
        { bodyId: String(body.id) },
      );

    const searched = await post({ persoon_zoeken: "Bakker", zoeken: "persoon" });
    expect(await searched.json()).toMatchObject({ kind: "searched", ok: true, roundTrip: expect.any(String) });
    const refused = await post({});
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      kind: "refused",
      ok: false,
      errors: { person: "bodies.errors.choosePerson" },
      choices: { people: [], organisations: [], found: null },
      roundTrip: null,
    });
  });
});

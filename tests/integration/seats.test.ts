import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { todayInAmsterdam } from "../../app/i18n/format";
import { archiveBody, bodyRoster, createBody, restoreBody, updateBody } from "../../app/models/bodies.server";
import { RegisterError } from "../../app/models/editing.server";
import { addAffiliation } from "../../app/models/affiliations.server";
import { addSeat, endSeat, fillVacancy, moveSeat, undoSeatEnd, updateSeat } from "../../app/models/seats.server";
import * as bodyEditRoute from "../../app/routes/gremia.$bodyId_.bewerken";
import * as bodyRoute from "../../app/routes/gremia.$bodyId";
import * as newBodyRoute from "../../app/routes/gremia.nieuw";
import * as seatRoute from "../../app/routes/zetels.$seatId";
import { messageKey } from "../../app/services/form-data";
import { addDays } from "../../app/services/periods";
import type { UserRole } from "../../db/schema";
import {
  createTestDatabase,
  formRequest,
  makeBody,
  makeOrganisation,
  makePerson,
  makeSeat,
  makeUser,
  type TestDatabase,
  defaultRegionId,
} from "../support/db";
import { call as call_, get, type Handler, signedIn as signedIn_ } from "../support/routes";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

const call = (handler: Handler, request: Request, params: Record<string, string> = {}) =>
  call_(t.db, handler, request, params);
const signedIn = (role: UserRole) => signedIn_(t.db, role);
const redacteur = async () => (await makeUser(t.db, { role: "redacteur" })).user;

const seatRow = (id: number) => t.db.selectFrom("seats").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const auditOf = (entity: string, id: number) =>
  t.db
    .selectFrom("audit_log")
    .select(["action", "summary", "user_id", "before", "after"])
    .where("entity", "=", entity)
    .where("entity_id", "=", String(id))
    .orderBy("id")
    .execute();

/** The refusal a model function throws, for its message key and field. */
async function refusal(promise: Promise<unknown>): Promise<RegisterError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(RegisterError);
  return error as RegisterError;
}

const lidFields = (overrides: Partial<Parameters<typeof addSeat>[3]> = {}) => ({
  person_id: null,
  role: "lid" as const,
  organisation_id: null,
  start_date: "2025-01-01",
  end_date: null,
  note: null,
  ...overrides,
});

describe("seats on the roster by date", () => {
  it("drops a seat ended yesterday from today's roster, and keeps it on yesterday's", async () => {
    const actor = await redacteur();
    const today = todayInAmsterdam();
    const body = await makeBody(t.db);
    const person = await makePerson(t.db);
    const seat = await addSeat(
      t.db,
      actor,
      body.id,
      lidFields({ person_id: person.id, start_date: addDays(today, -30) }),
    );
    await endSeat(t.db, actor, seat.id, seat.version, addDays(today, -1));

    expect((await bodyRoster(t.db, body.id, today)).roster).toEqual([]);
    expect((await bodyRoster(t.db, body.id, addDays(today, -1))).roster.map((s) => s.id)).toEqual([seat.id]);
  });

  it("counts the first and the last day of a seat as days on the roster", async () => {
    const actor = await redacteur();
    const body = await makeBody(t.db);
    const person = await makePerson(t.db);
    await addSeat(
      t.db,
      actor,
      body.id,
      lidFields({ person_id: person.id, start_date: "2025-03-01", end_date: "2025-03-31" }),
    );
    const onRoster = async (day: string) => (await bodyRoster(t.db, body.id, day)).roster.length;
    expect([
      await onRoster("2025-02-28"),
      await onRoster("2025-03-01"),
      await onRoster("2025-03-31"),
      await onRoster("2025-04-01"),
    ]).toEqual([0, 1, 1, 0]);
  });

  it("ends a seat today when no day is given, and never deletes it", async () => {
    const actor = await redacteur();
    const seat = await makeSeat(t.db, { start_date: "2024-01-01" });
    await endSeat(t.db, actor, seat.id, seat.version);
    expect((await seatRow(seat.id)).end_date).toBe(todayInAmsterdam());
  });
});

describe("the overlap rule", () => {
  it("refuses the same person in the same role and body in an overlapping period, naming the existing seat and its period", async () => {
    const { cookie } = await signedIn("redacteur");
    const body = await makeBody(t.db);
    const person = await makePerson(t.db, { first_name: "Anna", infix: "de", last_name: "Vries" });
    const existing = await makeSeat(t.db, {
      body_id: body.id,
      person_id: person.id,
      start_date: "2025-01-01",
      end_date: "2025-06-30",
    });

    const response = await call(
      bodyRoute.action,
      formRequest(
        `/gremia/${body.id}`,
        { intent: "add", person: String(person.id), role: "lid", organisation_id: "", start_date: "2025-06-30" },
        { cookie },
      ),
      { bodyId: String(body.id) },
    );
    expect(response.status).toBe(400);
    const answer = await response.json();
    expect(answer.errors).toEqual({
      start_date: messageKey("bodies.errors.overlapRange", {
        person: "Anna de Vries",
        start: "1 januari 2025",
        end: "30 juni 2025",
      }),
    });
    expect(answer.links.start_date).toEqual({ href: `/zetels/${existing.id}`, name: "de bestaande zetel" });
    expect(answer.values).toMatchObject({ person: String(person.id), role: "lid", start_date: "2025-06-30" });
    // the chosen person stays on offer, named, without a new search
    expect(answer.choices.people.map((p: { id: number; name: string }) => [p.id, p.name])).toEqual([
      [person.id, "Anna de Vries"],
    ]);
    expect(await t.db.selectFrom("seats").select("id").where("body_id", "=", body.id).execute()).toHaveLength(1);
  });

  it("names an ongoing seat by its start", async () => {
    const actor = await redacteur();
    const body = await makeBody(t.db);
    const person = await makePerson(t.db);
    await makeSeat(t.db, { body_id: body.id, person_id: person.id, start_date: "2024-05-01" });
    const error = await refusal(
      addSeat(t.db, actor, body.id, lidFields({ person_id: person.id, start_date: "2030-01-01" })),
    );
    expect(error.messageKey).toMatch(/^bodies\.errors\.overlapOngoing\?.*start=2024-05-01/);
  });

  it("allows an adjacent period, another role, and several vacancies in the same role", async () => {
    const actor = await redacteur();
    const body = await makeBody(t.db);
    const person = await makePerson(t.db);
    await makeSeat(t.db, { body_id: body.id, person_id: person.id, start_date: "2025-01-01", end_date: "2025-06-30" });

    await addSeat(t.db, actor, body.id, lidFields({ person_id: person.id, start_date: "2025-07-01" }));
    await addSeat(
      t.db,
      actor,
      body.id,
      lidFields({ person_id: person.id, role: "voorzitter", start_date: "2025-03-01" }),
    );
    await addSeat(t.db, actor, body.id, lidFields());
    await addSeat(t.db, actor, body.id, lidFields());
    expect((await bodyRoster(t.db, body.id, "2025-07-01")).roster).toHaveLength(4);
  });

  it("also holds when a seat is corrected into another's period", async () => {
    const actor = await redacteur();
    const body = await makeBody(t.db);
    const person = await makePerson(t.db);
    await makeSeat(t.db, { body_id: body.id, person_id: person.id, start_date: "2025-01-01", end_date: "2025-06-30" });
    const later = await makeSeat(t.db, { body_id: body.id, person_id: person.id, start_date: "2025-07-01" });
    const error = await refusal(
      updateSeat(t.db, actor, later.id, later.version, {
        role: "lid",
        organisation_id: null,
        start_date: "2025-06-01",
        end_date: null,
        note: null,
      }),
    );
    expect(error.field).toBe("start_date");
    expect((await seatRow(later.id)).start_date).toBe("2025-07-01");
  });
});

describe("choosing the person and the organisation by searching", () => {
  /** The body page's add form as a browser posts it: the seat so far, plus what the pressed button sends. */
  const addForm = (fields: Record<string, string>) => ({
    intent: "add",
    person: "",
    role: "adviseur",
    organisation_id: "",
    start_date: "2025-03-01",
    ...fields,
  });
  const postToBody = async (bodyId: number, cookie: string, fields: Record<string, string>) =>
    call(bodyRoute.action, formRequest(`/gremia/${bodyId}`, addForm(fields), { cookie }), { bodyId: String(bodyId) });

  it("finds people by name, with their organisations, keeps what was typed and empties the search field", async () => {
    const { cookie, user } = await signedIn("redacteur");
    const body = await makeBody(t.db);
    const envida = await makeOrganisation(t.db, { name: "Envida" });
    const daan = await makePerson(t.db, { first_name: "Daan", last_name: "Peters" });
    await addAffiliation(t.db, user, daan.id, {
      organisation_id: envida.id,
      function_title: null,
      start_date: "2020-01-01",
      end_date: null,
    });
    await makePerson(t.db, { first_name: "Petra", last_name: "Peters", archived_at: "2024-01-01T00:00:00.000Z" });
    await makePerson(t.db, { first_name: "Eva", last_name: "Bakker" });

    const response = await postToBody(body.id, cookie, { persoon_zoeken: "Peters", zoeken: "persoon" });
    expect(response.status).toBe(200);
    const answer = await response.json();
    expect(answer.values).toMatchObject({ role: "adviseur", start_date: "2025-03-01", persoon_zoeken: "" });
    expect(answer.values.zoeken).toBeUndefined();
    // archived people are not offered
    expect(answer.choices.people).toEqual([
      { id: daan.id, name: "Daan Peters", organisations: [{ id: envida.id, name: "Envida" }] },
    ]);
    expect(answer.choices.found).toEqual({ kind: "person", query: "Peters", ids: [daan.id] });
    expect(await t.db.selectFrom("seats").select("id").where("body_id", "=", body.id).execute()).toEqual([]);
  });

  it("searches with Enter while a search field holds text, and saves with Enter when none does", async () => {
    const { cookie } = await signedIn("redacteur");
    const body = await makeBody(t.db);
    const eva = await makePerson(t.db, { first_name: "Eva", last_name: "Bakker" });

    const searched = await (await postToBody(body.id, cookie, { persoon_zoeken: "Bakker", zoeken: "enter" })).json();
    expect(searched.choices.found.ids).toEqual([eva.id]);

    const unchosen = await postToBody(body.id, cookie, { zoeken: "enter" });
    expect(unchosen.status).toBe(400);
    expect((await unchosen.json()).errors).toEqual({ person: "bodies.errors.choosePerson" });

    const saved = await postToBody(body.id, cookie, { person: String(eva.id), zoeken: "enter" });
    expect(saved.status).toBe(302);
    expect(await t.db.selectFrom("seats").select("person_id").where("body_id", "=", body.id).execute()).toEqual([
      { person_id: eva.id },
    ]);
  });

  it("finds organisations that are not archived, and keeps the person chosen before", async () => {
    const { cookie } = await signedIn("redacteur");
    const body = await makeBody(t.db);
    const eva = await makePerson(t.db, { first_name: "Eva", last_name: "Bakker" });
    const open = await makeOrganisation(t.db, { name: "Stichting Mantelzorg Parkstad" });
    await makeOrganisation(t.db, { name: "Stichting Mantelzorg Oud", archived_at: "2024-01-01T00:00:00.000Z" });

    const answer = await (
      await postToBody(body.id, cookie, {
        person: String(eva.id),
        organisatie_zoeken: "Mantelzorg",
        zoeken: "organisatie",
      })
    ).json();
    expect(answer.choices.organisations).toEqual([
      { id: open.id, name: "Stichting Mantelzorg Parkstad", archived: false },
    ]);
    expect(answer.choices.people.map((p: { id: number }) => p.id)).toEqual([eva.id]);
    expect(answer.values).toMatchObject({ person: String(eva.id), organisatie_zoeken: "" });
  });

  it("says so when a search button is pressed with an empty field", async () => {
    const { cookie } = await signedIn("redacteur");
    const body = await makeBody(t.db);
    const answer = await (await postToBody(body.id, cookie, { persoon_zoeken: " ", zoeken: "persoon" })).json();
    expect(answer.choices.found).toEqual({ kind: "person", query: "", ids: [] });
  });

  it("fills a vacancy and moves a seat with people and organisations found on the seat page", async () => {
    const { cookie } = await signedIn("redacteur");
    const body = await makeBody(t.db);
    const vacancy = await makeSeat(t.db, { body_id: body.id, person_id: null, start_date: "2025-01-01" });
    const carla = await makePerson(t.db, { first_name: "Carla", last_name: "Smeets" });
    const zuyderland = await makeOrganisation(t.db, { name: "Zuyderland" });
    const params = { seatId: String(vacancy.id) };
    const fill = {
      intent: "fill",
      version: String(vacancy.version),
      person_id: "",
      organisation_id: "",
      start_date: "2025-03-01",
    };

    const found = await (
      await call(
        seatRoute.action,
        formRequest(`/zetels/${vacancy.id}`, { ...fill, persoon_zoeken: "Smeets", zoeken: "persoon" }, { cookie }),
        params,
      )
    ).json();
    expect([found.intent, found.choices.found.ids]).toEqual(["fill", [carla.id]]);
    const filled = await call(
      seatRoute.action,
      formRequest(`/zetels/${vacancy.id}`, { ...fill, person_id: String(carla.id) }, { cookie }),
      params,
    );
    expect(filled.status).toBe(302);

    const seat = await t.db.selectFrom("seats").selectAll().where("person_id", "=", carla.id).executeTakeFirstOrThrow();
    const move = { intent: "move", version: String(seat.version), organisation_id: "", move_date: "2025-06-01" };
    const seatParams = { seatId: String(seat.id) };
    const refused = await call(seatRoute.action, formRequest(`/zetels/${seat.id}`, move, { cookie }), seatParams);
    expect((await refused.json()).errors).toEqual({ organisation_id: "bodies.errors.chooseOrganisation" });
    const organisations = await (
      await call(
        seatRoute.action,
        formRequest(
          `/zetels/${seat.id}`,
          { ...move, organisatie_zoeken: "Zuyderland", zoeken: "organisatie" },
          { cookie },
        ),
        seatParams,
      )
    ).json();
    expect(organisations.choices.organisations).toEqual([{ id: zuyderland.id, name: "Zuyderland", archived: false }]);
    const moved = await call(
      seatRoute.action,
      formRequest(`/zetels/${seat.id}`, { ...move, organisation_id: String(zuyderland.id) }, { cookie }),
      seatParams,
    );
    expect(moved.status).toBe(302);
  });

  it("offers on the seat page the holder with their current jobs and the seat's organisation, not the whole register", async () => {
    const { cookie, user } = await signedIn("redacteur");
    const envida = await makeOrganisation(t.db, { name: "Envida" });
    const old = await makeOrganisation(t.db, { name: "Oude Werkgever" });
    await makeOrganisation(t.db, { name: "Niet Gekoppeld" });
    const anna = await makePerson(t.db, { first_name: "Anna", last_name: "Vries" });
    await addAffiliation(t.db, user, anna.id, {
      organisation_id: envida.id,
      function_title: null,
      start_date: "2020-01-01",
      end_date: null,
    });
    await addAffiliation(t.db, user, anna.id, {
      organisation_id: old.id,
      function_title: null,
      start_date: "2010-01-01",
      end_date: "2019-12-31",
    });
    await makePerson(t.db, { last_name: "Anderen" });
    const seat = await makeSeat(t.db, { person_id: anna.id, organisation_id: old.id, start_date: "2015-01-01" });

    const page = await (
      await call(seatRoute.loader, get(`/zetels/${seat.id}`, cookie), { seatId: String(seat.id) })
    ).json();
    expect(page.choices).toEqual({
      people: [{ id: anna.id, name: "Anna Vries", organisations: [{ id: envida.id, name: "Envida" }] }],
      organisations: [{ id: old.id, name: "Oude Werkgever", archived: false }],
      found: null,
    });
  });
});

describe("refused seats", () => {
  it("refuses a seat on behalf of an archived organisation, on the organisation field, naming it", async () => {
    const { cookie } = await signedIn("redacteur");
    const body = await makeBody(t.db);
    const person = await makePerson(t.db);
    const gone = await makeOrganisation(t.db, { name: "Opgeheven Stichting", archived_at: "2025-01-01T00:00:00.000Z" });
    const response = await call(
      bodyRoute.action,
      formRequest(
        `/gremia/${body.id}`,
        {
          intent: "add",
          person: String(person.id),
          role: "lid",
          organisation_id: String(gone.id),
          start_date: "2025-02-01",
        },
        { cookie },
      ),
      { bodyId: String(body.id) },
    );
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({
      organisation_id: messageKey("bodies.errors.organisationArchived", { organisation: "Opgeheven Stichting" }),
    });
  });

  it("refuses a new seat in an archived body", async () => {
    const actor = await redacteur();
    const body = await makeBody(t.db, { archived_at: "2025-01-01T00:00:00.000Z" });
    const error = await refusal(addSeat(t.db, actor, body.id, lidFields({ person_id: (await makePerson(t.db)).id })));
    expect(error.messageKey).toBe(messageKey("bodies.errors.bodyArchived", { body: body.name }));
  });

  it("refuses an end before the start, when adding and when ending", async () => {
    const { cookie } = await signedIn("redacteur");
    const seat = await makeSeat(t.db, { start_date: "2025-03-01" });
    const ending = await call(
      seatRoute.action,
      formRequest(
        `/zetels/${seat.id}`,
        { intent: "end", version: seat.version, end_date: "2025-02-28", confirm: "on" },
        { cookie },
      ),
      { seatId: String(seat.id) },
    );
    expect(ending.status).toBe(400);
    expect((await ending.json()).errors).toEqual({
      end_date: messageKey("bodies.errors.endBeforeSeatStart", { start: "1 maart 2025" }),
    });

    const actor = await redacteur();
    const error = await refusal(
      addSeat(t.db, actor, seat.body_id, lidFields({ start_date: "2025-03-01", end_date: "2025-02-01" })),
    );
    expect([error.messageKey, error.field]).toEqual(["common.form.endBeforeStart", "end_date"]);
  });

  it("ends a seat only with the confirmation box ticked", async () => {
    const { cookie } = await signedIn("redacteur");
    const seat = await makeSeat(t.db);
    const response = await call(
      seatRoute.action,
      formRequest(`/zetels/${seat.id}`, { intent: "end", version: seat.version, end_date: "2025-05-01" }, { cookie }),
      { seatId: String(seat.id) },
    );
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ confirm: "bodies.errors.confirmEnd" });
    expect((await seatRow(seat.id)).end_date).toBeNull();
  });
});

describe("moving a seat to another organisation", () => {
  it("ends the old seat the day before and starts the new one on the day, both in the history and the audit log", async () => {
    const { cookie, user } = await signedIn("redacteur");
    const envida = await makeOrganisation(t.db, { name: "Envida" });
    const zuyderland = await makeOrganisation(t.db, { name: "Zuyderland" });
    const body = await makeBody(t.db);
    const person = await makePerson(t.db);
    const seat = await makeSeat(t.db, {
      body_id: body.id,
      person_id: person.id,
      organisation_id: envida.id,
      start_date: "2024-01-01",
      note: "namens de VVT",
    });

    const response = await call(
      seatRoute.action,
      formRequest(
        `/zetels/${seat.id}`,
        { intent: "move", version: seat.version, organisation_id: String(zuyderland.id), move_date: "2025-03-01" },
        { cookie },
      ),
      { seatId: String(seat.id) },
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(new RegExp(`^/gremia/${body.id}\\?melding=verplaatst&id=\\d+$`));

    expect((await seatRow(seat.id)).end_date).toBe("2025-02-28");
    const seats = await t.db.selectFrom("seats").selectAll().where("body_id", "=", body.id).orderBy("id").execute();
    expect(seats.map((s) => [s.organisation_id, s.person_id, s.role, s.start_date, s.end_date, s.note])).toEqual([
      [envida.id, person.id, "lid", "2024-01-01", "2025-02-28", "namens de VVT"],
      [zuyderland.id, person.id, "lid", "2025-03-01", null, "namens de VVT"],
    ]);
    expect((await bodyRoster(t.db, body.id, "2025-02-28")).roster.map((s) => s.organisation_name)).toEqual(["Envida"]);
    expect((await bodyRoster(t.db, body.id, "2025-03-01")).roster.map((s) => s.organisation_name)).toEqual([
      "Zuyderland",
    ]);
    const { history } = await bodyRoster(t.db, body.id, "2025-03-01");
    expect(history.map((e) => `${e.day} ${e.kind} ${e.organisation_name}`)).toEqual([
      "2025-03-01 start Zuyderland",
      "2025-02-28 end Envida",
      "2024-01-01 start Envida",
    ]);
    expect((await auditOf("seats", seat.id)).map((e) => [e.action, e.summary, e.user_id])).toEqual([
      ["end", "seat_moved", user.id],
    ]);
    expect((await auditOf("seats", seats[1]!.id)).map((e) => [e.action, e.summary, e.user_id])).toEqual([
      ["create", "seat_moved", user.id],
    ]);
  });

  it("refuses a move date not after the old seat's start, and a move to an archived organisation", async () => {
    const actor = await redacteur();
    const seat = await makeSeat(t.db, { start_date: "2025-03-01", organisation_id: (await makeOrganisation(t.db)).id });
    const other = await makeOrganisation(t.db);
    const early = await refusal(
      moveSeat(t.db, actor, seat.id, seat.version, { organisation_id: other.id, move_date: "2025-03-01" }),
    );
    expect([early.messageKey, early.field]).toEqual([
      messageKey("bodies.errors.moveNotAfterStart", { start: "2025-03-01" }),
      "move_date",
    ]);

    const archived = await makeOrganisation(t.db, { archived_at: "2025-01-01T00:00:00.000Z" });
    const toArchived = await refusal(
      moveSeat(t.db, actor, seat.id, seat.version, { organisation_id: archived.id, move_date: "2025-04-01" }),
    );
    expect(toArchived.field).toBe("organisation_id");
    expect(await t.db.selectFrom("seats").select("id").where("body_id", "=", seat.body_id).execute()).toHaveLength(1);
    expect((await seatRow(seat.id)).end_date).toBeNull();
  });

  it("leaves nothing half done when the new seat is refused", async () => {
    const actor = await redacteur();
    const body = await makeBody(t.db);
    const person = await makePerson(t.db);
    const other = await makeOrganisation(t.db);
    const seat = await makeSeat(t.db, { body_id: body.id, person_id: person.id, start_date: "2024-01-01" });
    // an overlapping seat from before the rule (the factory writes directly): the moved seat would run into it
    await makeSeat(t.db, { body_id: body.id, person_id: person.id, start_date: "2026-01-01", end_date: "2026-12-31" });
    const error = await refusal(
      moveSeat(t.db, actor, seat.id, seat.version, { organisation_id: other.id, move_date: "2025-03-01" }),
    );
    expect(error.field).toBe("move_date");
    expect(await seatRow(seat.id)).toMatchObject({ end_date: null, version: seat.version });
    expect(await t.db.selectFrom("seats").select("id").where("organisation_id", "=", other.id).execute()).toEqual([]);
    expect(await auditOf("seats", seat.id)).toEqual([]);
  });
});

describe("filling a vacancy", () => {
  it("closes the vacancy the day before and gives the person the seat from the day, in the same role", async () => {
    const actor = await redacteur();
    const body = await makeBody(t.db);
    const vacancy = await makeSeat(t.db, {
      body_id: body.id,
      person_id: null,
      role: "secretaris",
      start_date: "2025-01-01",
    });
    const person = await makePerson(t.db);
    const { seat } = await fillVacancy(t.db, actor, vacancy.id, vacancy.version, {
      person_id: person.id,
      organisation_id: null,
      start_date: "2025-05-01",
    });
    expect((await seatRow(vacancy.id)).end_date).toBe("2025-04-30");
    expect(seat).toMatchObject({ person_id: person.id, role: "secretaris", start_date: "2025-05-01", end_date: null });
    expect((await bodyRoster(t.db, body.id, "2025-04-30")).roster.map((s) => s.person_id)).toEqual([null]);
    expect((await bodyRoster(t.db, body.id, "2025-05-01")).roster.map((s) => s.person_id)).toEqual([person.id]);
  });

  it("refuses a seat that is not a vacancy", async () => {
    const actor = await redacteur();
    const seat = await makeSeat(t.db);
    const error = await refusal(
      fillVacancy(t.db, actor, seat.id, seat.version, {
        person_id: (await makePerson(t.db)).id,
        organisation_id: null,
        start_date: "2025-05-01",
      }),
    );
    expect(error.messageKey).toBe("bodies.errors.notVacant");
  });
});

describe("undoing the end of a seat", () => {
  it("gives the seat back the end it had before: none, or a planned one", async () => {
    const { cookie } = await signedIn("redacteur");
    const open = await makeSeat(t.db, { start_date: "2024-01-01" });
    const planned = await makeSeat(t.db, { start_date: "2024-01-01", end_date: "2026-12-31" });
    for (const [seat, before] of [
      [open, null],
      [planned, "2026-12-31"],
    ] as const) {
      const ended = await call(
        seatRoute.action,
        formRequest(
          `/zetels/${seat.id}`,
          { intent: "end", version: seat.version, end_date: "2025-06-30", confirm: "on" },
          { cookie },
        ),
        { seatId: String(seat.id) },
      );
      expect(ended.status).toBe(302);
      const version = Number(/\?melding=beeindigd&versie=(\d+)$/.exec(ended.headers.get("Location") ?? "")?.[1]);
      const page = await (
        await call(seatRoute.loader, get(ended.headers.get("Location")!, cookie), { seatId: String(seat.id) })
      ).json();
      expect(page.endedVersion).toBe(version);

      const undone = await call(
        seatRoute.action,
        formRequest(`/zetels/${seat.id}`, { intent: "undo", version }, { cookie }),
        { seatId: String(seat.id) },
      );
      expect(undone.headers.get("Location")).toBe(`/zetels/${seat.id}?melding=ongedaan`);
      expect((await seatRow(seat.id)).end_date).toBe(before);
    }
  });

  it("is refused once someone else changed the seat after the end", async () => {
    const actor = await redacteur();
    const seat = await makeSeat(t.db, { start_date: "2024-01-01" });
    const ended = await endSeat(t.db, actor, seat.id, seat.version, "2025-06-30");
    await updateSeat(t.db, actor, seat.id, ended.version, {
      role: "lid",
      organisation_id: null,
      start_date: "2024-01-01",
      end_date: "2025-07-31",
      note: "gecorrigeerd",
    });
    await expect(undoSeatEnd(t.db, actor, seat.id, ended.version)).rejects.toThrow("stale version");
    expect((await seatRow(seat.id)).end_date).toBe("2025-07-31");
  });
});

describe("bodies", () => {
  const bodyFields = {
    name: "Werkgroep Valpreventie",
    abbreviation: "WG VP",
    kind: "werkgroep" as const,
    level: "operationeel" as const,
    parent_id: null,
    subregion_ids: [],
    theme_id: null,
    description: null,
    active_from: "2025-01-01",
    active_to: null,
    meetings_per_year: 6,
    meeting_interval_min_weeks: null,
    meeting_interval_max_weeks: null,
    decision_mode: null,
  };

  it("writes an audit entry on create, update, archive and restore, with the user", async () => {
    const actor = await redacteur();
    const body = await createBody(t.db, actor, bodyFields, await defaultRegionId(t.db));
    const updated = await updateBody(t.db, actor, body.id, body.version, { ...bodyFields, meetings_per_year: 8 });
    const archived = await archiveBody(t.db, actor, body.id, updated.version);
    await restoreBody(t.db, actor, body.id, archived.version);
    const entries = await auditOf("bodies", body.id);
    expect(entries.map((e) => [e.action, e.user_id])).toEqual([
      ["create", actor.id],
      ["update", actor.id],
      ["archive", actor.id],
      ["restore", actor.id],
    ]);
    expect(JSON.parse(entries[1]!.after!)).toMatchObject({ meetings_per_year: 8, version: 2 });
  });

  it("creates a body from the form and refuses a name that is taken, whatever its case", async () => {
    const { cookie } = await signedIn("redacteur");
    await defaultRegionId(t.db); // a body belongs to a region (decision 040)
    const fields = {
      name: "Regionaal Overleg Test",
      kind: "overleg",
      level: "tactisch",
      meetings_per_year: "4",
      active_from: "2025-01-01",
    };
    const created = await call(newBodyRoute.action, formRequest("/gremia/nieuw", fields, { cookie }));
    expect(created.status).toBe(302);
    const id = Number(/gremia\/(\d+)\?melding=aangemaakt/.exec(created.headers.get("Location") ?? "")?.[1]);
    expect(
      await t.db.selectFrom("bodies").select(["name", "meetings_per_year"]).where("id", "=", id).executeTakeFirst(),
    ).toEqual({
      name: "Regionaal Overleg Test",
      meetings_per_year: 4,
    });

    const again = await call(
      newBodyRoute.action,
      formRequest("/gremia/nieuw", { ...fields, name: "regionaal overleg test" }, { cookie }),
    );
    expect(again.status).toBe(400);
    const answer = await again.json();
    expect(answer.errors).toEqual({ name: "bodies.errors.nameTaken" });
    expect(answer.links.name).toEqual({ href: `/gremia/${id}`, name: "Regionaal Overleg Test" });
  });

  it("refuses a parent that lies below the body itself", async () => {
    const actor = await redacteur();
    const top = await makeBody(t.db);
    const middle = await makeBody(t.db, { parent_id: top.id });
    const bottom = await makeBody(t.db, { parent_id: middle.id });
    const error = await refusal(
      updateBody(t.db, actor, top.id, top.version, { ...bodyFields, name: top.name, parent_id: bottom.id }),
    );
    expect([error.messageKey, error.field]).toEqual(["bodies.errors.parentCycle", "parent_id"]);
  });

  it("refuses the second of two concurrent saves with 409, listing what changed and keeping what was typed", async () => {
    const first = await signedIn("redacteur");
    const second = await signedIn("beheerder");
    const body = await makeBody(t.db, { name: "Klankbordgroep Test", kind: "klankbordgroep", level: "operationeel" });
    const params = { bodyId: String(body.id) };
    const form = {
      intent: "save",
      version: String(body.version),
      name: "Klankbordgroep Test",
      kind: "klankbordgroep",
      level: "operationeel",
    };

    const saved = await call(
      bodyEditRoute.action,
      formRequest(`/gremia/${body.id}/bewerken`, { ...form, meetings_per_year: "10" }, { cookie: first.cookie }),
      params,
    );
    expect(saved.status).toBe(302);
    const refused = await call(
      bodyEditRoute.action,
      formRequest(
        `/gremia/${body.id}/bewerken`,
        { ...form, description: "Mijn tekst", meetings_per_year: "6" },
        { cookie: second.cookie },
      ),
      params,
    );
    expect(refused.status).toBe(409);
    const answer = await refused.json();
    expect(answer.intent).toBe("save");
    expect(answer.values).toMatchObject({ description: "Mijn tekst", meetings_per_year: "6", version: "2" });
    expect(answer.conflict).toEqual([
      {
        at: expect.any(String),
        by: first.user.name,
        fields: [{ field: "meetings_per_year", before: null, after: "10" }],
      },
    ]);
    expect(
      await t.db
        .selectFrom("bodies")
        .select(["description", "meetings_per_year"])
        .where("id", "=", body.id)
        .executeTakeFirst(),
    ).toEqual({
      description: null,
      meetings_per_year: 10,
    });
  });

  it("archives with the confirmation box and offers the undo, which restores it", async () => {
    const { cookie } = await signedIn("redacteur");
    const body = await makeBody(t.db);
    const params = { bodyId: String(body.id) };
    const path = `/gremia/${body.id}/bewerken`;
    expect(
      (
        await call(
          bodyEditRoute.action,
          formRequest(path, { intent: "archive", version: body.version }, { cookie }),
          params,
        )
      ).status,
    ).toBe(400);

    const archived = await call(
      bodyEditRoute.action,
      formRequest(path, { intent: "archive", version: body.version, confirm: "on" }, { cookie }),
      params,
    );
    const location = archived.headers.get("Location")!;
    expect(location).toBe(`${path}?melding=gearchiveerd&versie=2`);
    expect((await (await call(bodyEditRoute.loader, get(location, cookie), params)).json()).archivedVersion).toBe(2);

    const undone = await call(
      bodyEditRoute.action,
      formRequest(path, { intent: "undo", version: "2" }, { cookie }),
      params,
    );
    expect(undone.headers.get("Location")).toBe(`${path}?melding=ongedaan`);
    expect(
      (await t.db.selectFrom("bodies").select("archived_at").where("id", "=", body.id).executeTakeFirstOrThrow())
        .archived_at,
    ).toBeNull();
  });
});

describe("permissions", () => {
  it("answers a lezer 403 on every change, and changes nothing", async () => {
    const { cookie } = await signedIn("lezer");
    const body = await makeBody(t.db);
    const seat = await makeSeat(t.db, { body_id: body.id });
    const vacancy = await makeSeat(t.db, { body_id: body.id, person_id: null });
    const organisation = await makeOrganisation(t.db);
    const person = await makePerson(t.db);
    const bodyParams = { bodyId: String(body.id) };
    const attempts: [Handler, string, Record<string, string | number>, Record<string, string>][] = [
      [newBodyRoute.action, "/gremia/nieuw", { name: "X", kind: "overleg", level: "tactisch" }, {}],
      [
        bodyRoute.action,
        `/gremia/${body.id}`,
        { intent: "add", person: String(person.id), role: "lid", start_date: "2025-01-01" },
        bodyParams,
      ],
      [
        bodyEditRoute.action,
        `/gremia/${body.id}/bewerken`,
        { intent: "save", version: 1, name: "Y", kind: "overleg", level: "tactisch" },
        bodyParams,
      ],
      [
        bodyEditRoute.action,
        `/gremia/${body.id}/bewerken`,
        { intent: "archive", version: 1, confirm: "on" },
        bodyParams,
      ],
      [bodyEditRoute.action, `/gremia/${body.id}/bewerken`, { intent: "undo", version: 1 }, bodyParams],
      ...(["save", "end", "undo", "move"] as const).map(
        (intent): [Handler, string, Record<string, string | number>, Record<string, string>] => [
          seatRoute.action,
          `/zetels/${seat.id}`,
          {
            intent,
            version: 1,
            role: "lid",
            start_date: "2025-01-01",
            end_date: "2025-02-01",
            confirm: "on",
            organisation_id: organisation.id,
            move_date: "2025-03-01",
          },
          { seatId: String(seat.id) },
        ],
      ),
      [
        seatRoute.action,
        `/zetels/${vacancy.id}`,
        { intent: "fill", version: 1, person_id: person.id, start_date: "2025-03-01" },
        { seatId: String(vacancy.id) },
      ],
    ];
    for (const [handler, path, fields, params] of attempts) {
      expect(
        (await call(handler, formRequest(path, fields, { cookie }), params)).status,
        `${path} ${fields.intent ?? ""}`,
      ).toBe(403);
    }
    expect((await call(bodyEditRoute.loader, get(`/gremia/${body.id}/bewerken`, cookie), bodyParams)).status).toBe(403);
    expect((await call(newBodyRoute.loader, get("/gremia/nieuw", cookie))).status).toBe(403);
    expect(await t.db.selectFrom("audit_log").select("id").execute()).toEqual([]);
    expect(await t.db.selectFrom("seats").select("id").execute()).toHaveLength(2);
  });

  it("lets a lezer read the body and seat pages, without the editing forms", async () => {
    const { cookie } = await signedIn("lezer");
    const seat = await makeSeat(t.db);
    const bodyPage = await (
      await call(bodyRoute.loader, get(`/gremia/${seat.body_id}`, cookie), { bodyId: String(seat.body_id) })
    ).json();
    expect([bodyPage.canEdit, bodyPage.canAddSeat]).toEqual([false, false]);
    const seatPage = await (
      await call(seatRoute.loader, get(`/zetels/${seat.id}`, cookie), { seatId: String(seat.id) })
    ).json();
    expect(seatPage.choices).toBeNull();
  });
});

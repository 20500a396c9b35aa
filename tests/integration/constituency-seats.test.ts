import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyRoster } from "../../app/models/bodies.server";
import { getPerson } from "../../app/models/people.server";
import { addSeat, getSeat } from "../../app/models/seats.server";
import * as bodyRoute from "../../app/routes/gremia.$bodyId";
import * as seatRoute from "../../app/routes/zetels.$seatId";
import { constituencyIn } from "../../app/services/governance";
import type { UserRole } from "../../db/schema";
import {
  createTestDatabase,
  formRequest,
  makeBody,
  makeOrganisation,
  makePerson,
  makeSector,
  type TestDatabase,
} from "../support/db";
import { makeSubregion } from "../support/organisations";
import { call as call_, get, type Handler, signedIn as signedIn_ } from "../support/routes";
import { statementsOf } from "../support/statements";

/** Decision 039: a seat on behalf of an achterban (a sector and/or a subregion) instead of one organisation. */
describe("constituency seats", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.cleanup();
  });
  const call = (handler: Handler, request: Request, params: Record<string, string>) =>
    call_(t.db, handler, request, params);
  const signedIn = (role: UserRole) => signedIn_(t.db, role);

  it("adds a seat for 'Welzijn, Noord' from the body page, audited, and shows it on the roster, the seat and the person", async () => {
    const { cookie } = await signedIn("redacteur");
    const body = await makeBody(t.db, { name: "Stuurgroep NML test" });
    const welzijn = await makeSector(t.db, { name_nl: "Welzijn", name_en: "Welfare" });
    const noord = await makeSubregion(t.db, { name: "Noord" });
    const person = await makePerson(t.db);
    const url = `/gremia/${body.id}`;
    const fields = {
      intent: "add",
      person: String(person.id),
      role: "lid",
      represents: "achterban",
      organisation_id: "",
      constituency_sector_id: String(welzijn.id),
      constituency_subregion_id: String(noord.id),
      start_date: "2025-01-01",
    };
    const added = await call(bodyRoute.action, formRequest(url, fields, { cookie }), { bodyId: String(body.id) });
    expect(added.status).toBe(302);
    const { roster } = await bodyRoster(t.db, body.id, "2025-06-01");
    expect(roster).toHaveLength(1);
    expect(constituencyIn(roster[0]!, "nl")).toBe("Welzijn, Noord");
    expect(constituencyIn(roster[0]!, "en")).toBe("Welfare, Noord");
    expect(roster[0]).toMatchObject({ organisation_id: null, organisation_name: null });
    const seat = await getSeat(t.db, roster[0]!.id);
    expect(seat).toMatchObject({ constituency_sector_id: welzijn.id, constituency_subregion_id: noord.id });
    const audit = await t.db
      .selectFrom("audit_log")
      .select("after")
      .where("entity", "=", "seats")
      .where("entity_id", "=", String(seat!.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after!)).toMatchObject({ constituency_sector_id: welzijn.id });
    const details = await getPerson(t.db, person.id);
    expect(constituencyIn(details!.seats[0]!, "nl")).toBe("Welzijn, Noord");
  });

  it("refuses an achterban without sector or subregion, and an organisation with an achterban, keeping the input", async () => {
    const { cookie } = await signedIn("redacteur");
    const body = await makeBody(t.db);
    const sector = await makeSector(t.db);
    const organisation = await makeOrganisation(t.db, { sector_id: sector.id });
    const base = {
      intent: "add",
      person: "vacature",
      role: "lid",
      represents: "achterban",
      organisation_id: "",
      constituency_sector_id: "",
      constituency_subregion_id: "",
      start_date: "2025-01-01",
    };
    const params = { bodyId: String(body.id) };
    const empty = await call(bodyRoute.action, formRequest(`/gremia/${body.id}`, base, { cookie }), params);
    expect(empty.status).toBe(400);
    expect((await empty.json()).errors).toEqual({ constituency_sector_id: "governance.errors.constituencyEmpty" });
    const both = await call(
      bodyRoute.action,
      formRequest(
        `/gremia/${body.id}`,
        { ...base, organisation_id: String(organisation.id), constituency_sector_id: String(sector.id) },
        { cookie },
      ),
      params,
    );
    const answer = await both.json();
    expect(answer.errors).toEqual({ organisation_id: "governance.errors.organisationAndConstituency" });
    expect(answer.values).toMatchObject({ represents: "achterban", constituency_sector_id: String(sector.id) });
    // the model refuses it too, for callers that bypass the form
    await expect(
      addSeat(t.db, (await signedIn("redacteur")).user, body.id, {
        person_id: null,
        role: "lid",
        organisation_id: organisation.id,
        constituency_sector_id: sector.id,
        start_date: "2025-01-01",
        end_date: null,
        note: null,
      }),
    ).rejects.toMatchObject({ message: "governance.errors.organisationAndConstituency" });
    expect(await t.db.selectFrom("seats").select("id").where("body_id", "=", body.id).execute()).toEqual([]);
  });

  it("turns a seat for an organisation into one for an achterban on the seat page, and back", async () => {
    const { cookie, user } = await signedIn("redacteur");
    const body = await makeBody(t.db);
    const sector = await makeSector(t.db, { name_nl: "Verzekeraar" });
    const organisation = await makeOrganisation(t.db, { sector_id: sector.id });
    const seat = await addSeat(t.db, user, body.id, {
      person_id: null,
      role: "lid",
      organisation_id: organisation.id,
      start_date: "2025-01-01",
      end_date: null,
      note: null,
    });
    const save = (fields: Record<string, string>, version: number) =>
      call(
        seatRoute.action,
        formRequest(
          `/zetels/${seat.id}`,
          { intent: "save", version: String(version), role: "lid", start_date: "2025-01-01", ...fields },
          { cookie },
        ),
        { seatId: String(seat.id) },
      );
    const toAchterban = await save(
      {
        represents: "achterban",
        organisation_id: "",
        constituency_sector_id: String(sector.id),
        constituency_subregion_id: "",
      },
      seat.version,
    );
    expect(toAchterban.status).toBe(302);
    const saved = await getSeat(t.db, seat.id);
    expect(saved).toMatchObject({ organisation_id: null, constituency_sector_id: sector.id });
    expect(constituencyIn(saved!, "nl")).toBe("Verzekeraar");
    // back to the organisation: the achterban fields left filled in are not kept
    await save(
      {
        represents: "organisatie",
        organisation_id: String(organisation.id),
        constituency_sector_id: String(sector.id),
        constituency_subregion_id: "",
      },
      saved!.version,
    );
    expect(await getSeat(t.db, seat.id)).toMatchObject({
      organisation_id: organisation.id,
      constituency_sector_id: null,
    });
  });

  it("shows a body page with 40 achterban seats in as many statements as with 2", async () => {
    const { user, cookie } = await signedIn("redacteur");
    const sector = await makeSector(t.db);
    const subregion = await makeSubregion(t.db);
    const statementsFor = async (seats: number) => {
      const body = await makeBody(t.db);
      for (let i = 0; i < seats; i += 1)
        await addSeat(t.db, user, body.id, {
          person_id: null,
          role: "lid",
          organisation_id: null,
          constituency_sector_id: sector.id,
          constituency_subregion_id: i % 2 === 0 ? subregion.id : null,
          start_date: "2025-01-01",
          end_date: null,
          note: null,
        });
      const page = await statementsOf(t.db, bodyRoute.loader, get(`/gremia/${body.id}`, cookie), {
        bodyId: String(body.id),
      });
      expect(page.response.status).toBe(200);
      return page.count;
    };
    expect(await statementsFor(40)).toBe(await statementsFor(2));
  });
});

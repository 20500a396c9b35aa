import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as organisationRoute from "../../app/routes/organisaties.$organisationId";
import * as editOrganisationRoute from "../../app/routes/organisaties.$organisationId_.bewerken";
import * as mergeOrganisationRoute from "../../app/routes/organisaties.$organisationId_.samenvoegen";
import * as organisationsRoute from "../../app/routes/organisaties._index";
import * as organisationDuplicatesRoute from "../../app/routes/organisaties.dubbelen";
import * as newOrganisationRoute from "../../app/routes/organisaties.nieuw";
import * as toCompleteRoute from "../../app/routes/organisaties.te-completeren";
import * as personRoute from "../../app/routes/personen.$personId";
import * as editPersonRoute from "../../app/routes/personen.$personId_.bewerken";
import * as jobsRoute from "../../app/routes/personen.$personId_.functies";
import * as personVCardRoute from "../../app/routes/personen.$personId_.vcard";
import * as peopleRoute from "../../app/routes/personen._index";
import * as personDuplicatesRoute from "../../app/routes/personen.dubbelen";
import * as toCorrectRoute from "../../app/routes/personen.te-corrigeren";
import * as vcardListRoute from "../../app/routes/personen.vcard";
import * as searchRoute from "../../app/routes/zoeken";
import { translator } from "../../app/i18n/index";
import { splitMessageKey } from "../../app/services/form-data";
import { chooseSessionRegion } from "../../app/models/region-choice.server";
import type { UserRole } from "../../db/schema";
import {
  createTestDatabase,
  defaultRegionId,
  formRequest,
  makeBody,
  makeOrganisation,
  makePerson,
  makeSeat,
  makeSector,
  makeUser,
  sessionCookieFor,
  type TestDatabase,
} from "../support/db";
import { makeAffiliation } from "../support/people";
import { call, get, type Handler } from "../support/routes";

/**
 * Decision 047: a person or organisation belongs to regions through its links — an organisation to
 * the regions it is linked to (every region when none), a person to those of their current jobs'
 * organisations and current seats' bodies (every region when neither). The lists, the search and the
 * downloads show the region looked at; pages and edits need the permission in one of the record's regions.
 */

let t: TestDatabase;
let zuid = 0;
let noord = 0;
const org: Record<"both" | "zuid" | "noord" | "none", number> = { both: 0, zuid: 0, noord: 0, none: 0 };
const person: Record<
  "zuidJob" | "noordJob" | "bothJob" | "noordSeat" | "free" | "noneJob" | "movedNorth" | "zuidTwin" | "noordTwin",
  number
> = {
  zuidJob: 0,
  noordJob: 0,
  bothJob: 0,
  noordSeat: 0,
  free: 0,
  noneJob: 0,
  movedNorth: 0,
  zuidTwin: 0,
  noordTwin: 0,
};
let sectorId = 0;

async function linked(name: string, regions: number[], website: string | null = null) {
  const made = await makeOrganisation(t.db, { name, website, sector_id: sectorId });
  for (const region_id of regions)
    await t.db.insertInto("organisation_regions").values({ organisation_id: made.id, region_id }).execute();
  return made.id;
}

/** Someone with a job at the organisation; all are called "Partij…" so one search finds them all. */
async function employee(lastName: string, organisationId: number, email?: string) {
  const made = await makePerson(t.db, { last_name: lastName, email });
  await makeAffiliation(t.db, { person_id: made.id, organisation_id: organisationId });
  return made.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  zuid = await defaultRegionId(t.db);
  noord = (
    await t.db
      .insertInto("regions")
      .values({ code: "noord-midden-limburg", name: "Noord- en Midden-Limburg" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  sectorId = (await makeSector(t.db)).id;
  org.both = await linked("Partijorg Alfa", [zuid, noord]);
  org.zuid = await linked("Partijorg Bravo", [zuid], "https://bravo.example");
  org.noord = await linked("Partijorg Charlie", [noord], "https://charlie.example");
  org.none = await linked("Partijorg Delta", []);
  // a likely duplicate of each one-region organisation, by its website
  await linked("Partijorg Bravo Twee", [zuid], "https://bravo.example");
  await linked("Partijorg Charlie Twee", [noord], "https://charlie.example");

  person.zuidJob = await employee("Partijzuid", org.zuid, "zuid@example.org");
  person.noordJob = await employee("Partijnoord", org.noord, "noord@example.org");
  person.bothJob = await employee("Partijbeide", org.both);
  person.noneJob = await employee("Partijnergens", org.none);
  person.free = (await makePerson(t.db, { last_name: "Partijvrij" })).id;
  const noordBody = await makeBody(t.db, { region_id: noord });
  person.noordSeat = (await makePerson(t.db, { last_name: "Partijzetel" })).id;
  await makeSeat(t.db, { body_id: noordBody.id, person_id: person.noordSeat });
  // an ended job in the south, a current seat in the north: only the north
  person.movedNorth = (await makePerson(t.db, { last_name: "Partijverhuisd" })).id;
  await makeAffiliation(t.db, { person_id: person.movedNorth, organisation_id: org.zuid, end_date: "2025-01-31" });
  await makeSeat(t.db, { body_id: noordBody.id, person_id: person.movedNorth });
  // the same name twice in each region: a likely pair per region
  person.zuidTwin = await employee("Partijzuid", org.zuid);
  person.noordTwin = await employee("Partijnoord", org.noord);
  // both primary addresses bounced: on the "to correct" list of their own region
  await t.db
    .updateTable("person_emails")
    .set({ bounced_at: "2026-01-05T10:00:00.000Z", bounce_reason: "550" })
    .execute();
});
afterAll(async () => {
  await t?.cleanup();
});

type Looking = "zuid" | "noord" | "all";

async function cookieOf(roles: { network?: UserRole; zuid?: UserRole; noord?: UserRole }, looking: Looking) {
  const regionRoles: Record<number, UserRole> = {};
  if (roles.zuid) regionRoles[zuid] = roles.zuid;
  if (roles.noord) regionRoles[noord] = roles.noord;
  const { user } = await makeUser(t.db, { role: roles.network, regionRoles });
  const cookie = await sessionCookieFor(t.db, user.id);
  const session = await t.db
    .selectFrom("sessions")
    .select("id")
    .where("user_id", "=", user.id)
    .executeTakeFirstOrThrow();
  await chooseSessionRegion(t.db, session.id, looking === "all" ? "all" : looking === "zuid" ? zuid : noord);
  return cookie;
}

async function loaded<T>(loader: Handler, path: string, cookie: string): Promise<T> {
  const response = await call(t.db, loader, get(path, cookie));
  expect(response.status, `GET ${path}`).toBe(200);
  return (await response.json()) as T;
}

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
const PEOPLE_OF_ZUID = () => sorted([person.zuidJob, person.zuidTwin, person.bothJob, person.noneJob, person.free]);
const PEOPLE_OF_NOORD = () =>
  sorted([
    person.noordJob,
    person.noordTwin,
    person.bothJob,
    person.noneJob,
    person.free,
    person.noordSeat,
    person.movedNorth,
  ]);
const ORGANISATIONS_OF_ZUID = () => [org.both, org.zuid, org.none];

describe("the people list, its vCard download and the lists beside it", () => {
  it("show the people of the region looked at, and everyone in the cross-region view", async () => {
    const expected = { zuid: PEOPLE_OF_ZUID(), noord: PEOPLE_OF_NOORD(), all: sorted(Object.values(person)) };
    for (const looking of ["zuid", "noord", "all"] as const) {
      const cookie = await cookieOf({ network: "beheerder" }, looking);
      const data = await loaded<{ rows: { id: number }[] }>(peopleRoute.loader, "/personen?q=partij", cookie);
      expect(sorted(data.rows.map((row) => row.id)), looking).toEqual(expected[looking]);
      const vcard = await call(t.db, vcardListRoute.loader, get("/personen/vcard?q=partij", cookie));
      const cards = (await vcard.text()).match(/BEGIN:VCARD/g) ?? [];
      expect(cards, `vCards ${looking}`).toHaveLength(expected[looking].length);
    }
  });

  it("filter by organisation within the region: the south's staff of a northern organisation is nobody", async () => {
    const cookie = await cookieOf({ zuid: "redacteur" }, "zuid");
    const data = await loaded<{ rows: { id: number }[] }>(
      peopleRoute.loader,
      `/personen?organisatie=${org.noord}`,
      cookie,
    );
    expect(data.rows).toEqual([]);
  });

  it("list the bounced addresses of the region's people only", async () => {
    const ids = async (looking: Looking) =>
      (
        await loaded<{ rows: { id: number }[] }>(
          toCorrectRoute.loader,
          "/personen/te-corrigeren",
          await cookieOf({ network: "lezer" }, looking),
        )
      ).rows.map((row) => row.id);
    expect(await ids("zuid")).toEqual([person.zuidJob]);
    expect(await ids("noord")).toEqual([person.noordJob]);
    expect(sorted(await ids("all"))).toEqual(sorted([person.zuidJob, person.noordJob]));
  });

  it("pair likely duplicates within the region looked at", async () => {
    type Pairs = { pairs: { survivor: { id: number }; other: { id: number } }[] };
    const pairsOf = async (loader: Handler, path: string, looking: Looking) =>
      (await loaded<Pairs>(loader, path, await cookieOf({ network: "lezer" }, looking))).pairs.map((pair) =>
        sorted([pair.survivor.id, pair.other.id]),
      );
    expect(await pairsOf(personDuplicatesRoute.loader, "/personen/dubbelen", "zuid")).toEqual([
      sorted([person.zuidJob, person.zuidTwin]),
    ]);
    expect(await pairsOf(personDuplicatesRoute.loader, "/personen/dubbelen", "all")).toHaveLength(2);
    const organisationPairs = await pairsOf(organisationDuplicatesRoute.loader, "/organisaties/dubbelen", "noord");
    expect(organisationPairs).toHaveLength(1);
    expect(organisationPairs[0]).toContain(org.noord);
    expect(await pairsOf(organisationDuplicatesRoute.loader, "/organisaties/dubbelen", "all")).toHaveLength(2);
  });
});

describe("the organisations list", () => {
  it("shows the region's organisations, those linked to none included, and all in the cross-region view", async () => {
    const idsOf = async (looking: Looking) =>
      (
        await loaded<{ rows: { id: number }[] }>(
          organisationsRoute.loader,
          "/organisaties?q=partijorg",
          await cookieOf({ network: "lezer" }, looking),
        )
      ).rows.map((row) => row.id);
    expect(sorted(await idsOf("zuid"))).toEqual(
      sorted([...ORGANISATIONS_OF_ZUID(), await idOf("Partijorg Bravo Twee")]),
    );
    expect(await idsOf("noord")).not.toContain(org.zuid);
    expect(await idsOf("all")).toHaveLength(6);
  });

  it('keeps the organisations without a region on every region\'s "te completeren" list', async () => {
    for (const looking of ["zuid", "noord"] as const) {
      const data = await loaded<{ rows: { id: number }[] }>(
        toCompleteRoute.loader,
        "/organisaties/te-completeren",
        await cookieOf({ [looking]: "lezer" }, looking),
      );
      expect(data.rows.map((row) => row.id)).toEqual([org.none]);
    }
  });
});

async function idOf(name: string) {
  return (await t.db.selectFrom("organisations").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;
}

describe("the search and the header's lookup", () => {
  it("find the people and organisations of the region looked at", async () => {
    type Found = { results: { kind: string; id: number }[] };
    const found = async (looking: Looking, kind: string) =>
      sorted(
        (
          await loaded<Found>(searchRoute.loader, "/zoeken?q=partij", await cookieOf({ network: "lezer" }, looking))
        ).results
          .filter((result) => result.kind === kind)
          .map((result) => result.id),
      );
    expect(await found("zuid", "person")).toEqual(PEOPLE_OF_ZUID());
    expect(await found("noord", "person")).toEqual(PEOPLE_OF_NOORD());
    expect(await found("zuid", "organisation")).toEqual(
      sorted([...ORGANISATIONS_OF_ZUID(), await idOf("Partijorg Bravo Twee")]),
    );
    expect(await found("all", "organisation")).toHaveLength(6);
  });
});

describe("the pages of one person or organisation", () => {
  const status = async (loader: Handler, path: string, params: Record<string, string>, cookie: string) =>
    (await call(t.db, loader, get(path, cookie), params)).status;

  it("open to a role in any of the record's regions, and 403 to a role only elsewhere", async () => {
    const zuidReader = await cookieOf({ zuid: "lezer" }, "zuid");
    const noordReader = await cookieOf({ noord: "lezer" }, "noord");
    const cases: Array<[number, number, number]> = [
      [person.zuidJob, 200, 403],
      [person.noordJob, 403, 200],
      [person.bothJob, 200, 200],
      [person.noneJob, 200, 200],
      [person.free, 200, 200],
      [person.movedNorth, 403, 200],
    ];
    for (const [id, forZuid, forNoord] of cases) {
      const params = { personId: String(id) };
      expect(await status(personRoute.loader, `/personen/${id}`, params, zuidReader), `person ${id} zuid`).toBe(
        forZuid,
      );
      expect(await status(personRoute.loader, `/personen/${id}`, params, noordReader), `person ${id} noord`).toBe(
        forNoord,
      );
    }
    for (const [id, forZuid] of [
      [org.zuid, 200],
      [org.noord, 403],
      [org.both, 200],
      [org.none, 200],
    ] as const) {
      const params = { organisationId: String(id) };
      expect(await status(organisationRoute.loader, `/organisaties/${id}`, params, zuidReader), `org ${id}`).toBe(
        forZuid,
      );
    }
  });

  it("refuse a redacteur of the south the north's edit, job, vCard and merge pages, and change nothing", async () => {
    const cookie = await cookieOf({ zuid: "redacteur" }, "zuid");
    const id = String(person.noordJob);
    for (const [loader, path] of [
      [editPersonRoute.loader, `/personen/${id}/bewerken`],
      [jobsRoute.loader, `/personen/${id}/functies`],
      [personVCardRoute.loader, `/personen/${id}/vcard`],
    ] as const)
      expect(await status(loader, path, { personId: id }, cookie), path).toBe(403);
    const before = await t.db
      .selectFrom("people")
      .select("version")
      .where("id", "=", person.noordJob)
      .executeTakeFirstOrThrow();
    const posted = await call(
      t.db,
      editPersonRoute.action,
      formRequest(
        `/personen/${id}/bewerken`,
        { intent: "save", version: String(before.version), last_name: "Veranderd" },
        { cookie },
      ),
      { personId: id },
    );
    expect(posted.status).toBe(403);
    const after = await t.db
      .selectFrom("people")
      .select(["version", "last_name"])
      .where("id", "=", person.noordJob)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ version: before.version, last_name: "Partijnoord" });

    const organisationId = String(org.noord);
    expect(
      await status(
        editOrganisationRoute.loader,
        `/organisaties/${organisationId}/bewerken`,
        { organisationId },
        cookie,
      ),
    ).toBe(403);
    // merging a northern duplicate into a southern survivor: the duplicate is not theirs to change
    const merge = await call(
      t.db,
      mergeOrganisationRoute.action,
      formRequest(`/organisaties/${org.zuid}/samenvoegen?met=${organisationId}`, {}, { cookie }),
      { organisationId: String(org.zuid) },
    );
    expect(merge.status).toBe(403);
    expect(
      await status(
        editOrganisationRoute.loader,
        `/organisaties/${org.both}/bewerken`,
        { organisationId: String(org.both) },
        cookie,
      ),
    ).toBe(200);
  });

  it("shows the Bewerken button only to who may edit in one of the person's regions", async () => {
    const cookie = await cookieOf({ zuid: "redacteur", noord: "lezer" }, "noord");
    const withParams = async (id: number) =>
      (
        (await (
          await call(t.db, personRoute.loader, get(`/personen/${id}`, cookie), { personId: String(id) })
        ).json()) as { canEdit: boolean }
      ).canEdit;
    expect(await withParams(person.noordJob)).toBe(false);
    expect(await withParams(person.bothJob)).toBe(true);
  });
});

describe("a new organisation", () => {
  it("may be linked only to regions where the redacteur has the role, with a Dutch error naming the region", async () => {
    const cookie = await cookieOf({ zuid: "redacteur" }, "zuid");
    const fields = {
      name: "Partijorg Nieuw",
      sector_id: String(sectorId),
      region_ids: [String(zuid), String(noord)],
      toch: "1",
    };
    const response = await call(
      t.db,
      newOrganisationRoute.action,
      formRequest("/organisaties/nieuw", fields, { cookie }),
    );
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { values: { name: string }; errors: { region_ids: string } };
    const { key, values } = splitMessageKey(answer.errors.region_ids);
    expect(key).toBe("organisations.errors.regionNotYours");
    const message = translator("nl")("organisations.errors.regionNotYours", { region: values.region ?? "" });
    expect(message).toContain("regio Noord- en Midden-Limburg");
    expect(message).toContain("geen rol als redacteur");
    expect(answer.values.name, "the form keeps what was typed").toBe("Partijorg Nieuw");
    expect(await t.db.selectFrom("organisations").select("id").where("name", "=", "Partijorg Nieuw").execute()).toEqual(
      [],
    );

    const own = await call(
      t.db,
      newOrganisationRoute.action,
      formRequest("/organisaties/nieuw", { ...fields, region_ids: [String(zuid)] }, { cookie }),
    );
    expect(own.status).toBe(302);
    expect(await idOf("Partijorg Nieuw")).toBeGreaterThan(0);
  });
});

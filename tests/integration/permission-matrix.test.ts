import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { can, type Permission, type RoleGrant } from "../../app/auth/permissions";
import { type Access, type ActionAccess, ROUTE_ACCESS, type RouteAccess } from "../../app/auth/route-access";
import { createFeed } from "../../app/models/calendar.server";
import { createWave } from "../../app/models/survey-waves.server";
import { USER_ROLES, type UserRole } from "../../db/schema";
import {
  createTestDatabase,
  formRequest,
  makeBody,
  makeOrganisation,
  makePerson,
  makeSeat,
  makeUser,
  sessionCookieFor,
  type TestDatabase,
} from "../support/db";
import { makeMeeting } from "../support/meetings";
import { makeAffiliation } from "../support/people";
import { makePlan, makeTheme } from "../support/themes";
import { demoWithSamples, rowCounts as rowCountsOf } from "../support/demo-samples";
import { ROUTE_FILES, ROUTES_DIR, routeIdOf, sourcesOf, urlOf } from "../support/route-files";
import { call, get, type Handler } from "../support/routes";
import { userWithNetworkRole } from "../support/users";

/**
 * The permission matrix (decision 025): every route file of app/routes, and every intent its action
 * dispatches on, stands in app/auth/route-access.ts; every role — network-wide, and as the only role
 * in the demo's region (decision 042) — and an anonymous visitor get exactly as far as that table
 * says, on the demo network with real ids in the URL. The demo's records all lie in its region; a
 * second region with records of its own — a person and an organisation of it among them (decision
 * 047) — holds the third kind of visitor, whose only role is there: refused on the demo region's
 * records by id (decision 044), and let through on their own.
 */

const TABLE: Record<string, RouteAccess> = ROUTE_ACCESS;
function entryOf(file: string): RouteAccess {
  const entry = TABLE[routeIdOf(file)];
  if (!entry) throw new Error(`${routeIdOf(file)} is not in app/auth/route-access.ts`);
  return entry;
}

/**
 * A network-wide role, the same role as the only one in the demo's region or as the only one in the
 * other region, or nobody signed in.
 */
type Visitor = UserRole | `regional ${UserRole}` | `other-region ${UserRole}` | "anonymous";
const VISITORS: readonly Visitor[] = [
  ...USER_ROLES,
  ...USER_ROLES.map((role) => `regional ${role}` as const),
  ...USER_ROLES.map((role) => `other-region ${role}` as const),
  "anonymous",
];
type Verdict = "allowed" | "forbidden" | "login";

/** The demo's region, where every sample record lies: a regional visitor's only region, so also the one they look at. */
let demoRegion = 0;
/** The second region, with records of its own: the only region of an "other-region" visitor. */
let otherRegion = 0;

/** The region a visitor's only role is in, which is also the one they look at; null: network-wide. */
function homeRegionOf(visitor: Exclude<Visitor, "anonymous">): number | null {
  if (visitor.startsWith("regional ")) return demoRegion;
  if (visitor.startsWith("other-region ")) return otherRegion;
  return null;
}

function rolesOf(visitor: Exclude<Visitor, "anonymous">): RoleGrant[] {
  return [{ regionId: homeRegionOf(visitor), role: visitor.split(" ").at(-1) as UserRole }];
}

function verdictOf(access: Access, visitor: Visitor): Verdict {
  if (access === "public") return "allowed";
  if (visitor === "anonymous") return "login";
  if (access === "signed-in") return "allowed";
  const user = { roles: rolesOf(visitor) };
  if (typeof access === "string") return can(user, access) ? "allowed" : "forbidden";
  const where =
    access.region === "network"
      ? "network"
      : access.region === "record"
        ? demoRegion
        : (homeRegionOf(visitor) ?? demoRegion);
  return can(user, access.needs, where) ? "allowed" : "forbidden";
}

/** Where the guard sends an anonymous visitor of that path (app/auth/guard.server.ts). */
const loginRedirectOf = (pathAndQuery: string) =>
  pathAndQuery === "/" ? "/login" : `/login?next=${encodeURIComponent(pathAndQuery)}`;

/** What a visitor got: a loader may return plain data, which is a page shown. */
function observed(response: unknown, pathAndQuery: string): Verdict {
  if (!(response instanceof Response)) return "allowed";
  if (response.status === 401 || response.status === 403) return "forbidden";
  if (
    response.status >= 300 &&
    response.status < 400 &&
    response.headers.get("Location") === loginRedirectOf(pathAndQuery)
  )
    return "login";
  return "allowed";
}

interface RouteModule {
  loader?: Handler;
  action?: Handler;
}
const loadRoute = (file: string): Promise<RouteModule> => import(path.join(ROUTES_DIR, file));

/**
 * Values to try as an intent: every word-like string literal of the route's own code, and the names
 * every object has, which a check like `intent in SCHEMAS` would take for an intent.
 */
function intentCandidates(file: string): string[] {
  const words = new Set(["constructor", "toString", "hasOwnProperty", "__proto__"]);
  for (const source of sourcesOf(path.join(ROUTES_DIR, file)))
    for (const [, word] of readFileSync(source, "utf8").matchAll(/["'`]([a-z][A-Za-z-]{1,40})["'`]/g)) words.add(word!);
  return [...words];
}

const intentsOf = (action: ActionAccess | undefined) =>
  action !== undefined && typeof action === "object" && "intents" in action ? action.intents : null;
/** The value a button sends for a table intent: `<n>` becomes the number 1. */
const postedIntent = (intent: string) => intent.replace("<n>", "1");

describe("the permission matrix", () => {
  let t: TestDatabase;
  const cookies = new Map<Visitor, string>();
  const users = new Map<Visitor, number>();
  const samples: Record<string, string> = {};
  /** The sample values with the other region's own person, organisation, body, seat, meeting, theme, plan and survey wave. */
  const otherSamples: Record<string, string> = {};

  async function otherRegionWithRecords(): Promise<Record<string, string>> {
    // the demo's second region (decision 045), with records made here so that the samples are known
    otherRegion = (
      await t.db.selectFrom("regions").select("id").where("code", "=", "noord-midden-limburg").executeTakeFirstOrThrow()
    ).id;
    const region_id = otherRegion;
    const body = await makeBody(t.db, { region_id });
    const seat = await makeSeat(t.db, { body_id: body.id });
    const meeting = await makeMeeting(t.db, { body_id: body.id, date: "2026-03-02", region_id });
    const theme = await makeTheme(t.db, { region_id });
    const plan = await makePlan(t.db, { region_id });
    const wave = await createWave(
      t.db,
      await userWithNetworkRole(t.db, "beheerder"),
      {
        name: "Panel Noord",
        year: 2026,
        reference_date: "2026-10-01",
        link_template: "https://enquete.example.org/s/{token}",
        method_notes: null,
      },
      region_id,
    );
    // a person and an organisation of the other region only (decision 047): linked, employed, seated there
    const organisation = await makeOrganisation(t.db, { name: "Zorgpartner Noord" });
    await t.db.insertInto("organisation_regions").values({ organisation_id: organisation.id, region_id }).execute();
    const person = await makePerson(t.db, { last_name: "Noorderling", email: "noorderling@example.org" });
    await makeAffiliation(t.db, { person_id: person.id, organisation_id: organisation.id });
    await makeSeat(t.db, { body_id: body.id, person_id: person.id });
    return {
      ...samples,
      personId: String(person.id),
      organisationId: String(organisation.id),
      bodyId: String(body.id),
      seatId: String(seat.id),
      meetingId: String(meeting.id),
      themeId: String(theme.id),
      planId: String(plan.id),
      waveId: String(wave.id),
    };
  }

  /** A session of its own for each request: an allowed POST to /logout ends the session it came with. */
  const cookieOf = async (visitor: Visitor) =>
    visitor === "anonymous" ? undefined : sessionCookieFor(t.db, users.get(visitor)!);

  const rowCounts = () => rowCountsOf(t.db);

  beforeAll(async () => {
    t = await createTestDatabase();
    Object.assign(samples, await demoWithSamples(t.db));
    demoRegion = (await t.db.selectFrom("regions").select("id").orderBy("id").executeTakeFirstOrThrow()).id;
    for (const role of USER_ROLES) {
      users.set(role, (await userWithNetworkRole(t.db, role)).id);
      const { user } = await makeUser(t.db, { regionRoles: { [demoRegion]: role } });
      users.set(`regional ${role}`, user.id);
    }
    Object.assign(otherSamples, await otherRegionWithRecords());
    for (const role of USER_ROLES) {
      const { user } = await makeUser(t.db, { regionRoles: { [otherRegion]: role } });
      users.set(`other-region ${role}`, user.id);
    }
    for (const [visitor, id] of users) cookies.set(visitor, await sessionCookieFor(t.db, id));
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it("has an entry for every route file, and none for a route that is gone", () => {
    const routeIds = ROUTE_FILES.map(routeIdOf);
    expect(
      routeIds.filter((id) => !(id in TABLE)),
      "routes missing from app/auth/route-access.ts",
    ).toEqual([]);
    expect(
      Object.keys(TABLE).filter((id) => !routeIds.includes(id)),
      "entries without a route file",
    ).toEqual([]);
  });

  it.each(ROUTE_FILES)("%s: the table names an action exactly when the route has one", async (file) => {
    const route = await loadRoute(file);
    expect(route.loader, "every route has a loader").toBeTypeOf("function");
    expect(route.action !== undefined, "the table's action entry").toBe(entryOf(file).action !== undefined);
  });

  const actionFiles = ROUTE_FILES.filter((file) => TABLE[routeIdOf(file)]?.action !== undefined);

  it.each(actionFiles)("%s: every intent the action takes is in the table, and no other", async (file) => {
    const { action } = await loadRoute(file);
    const entry = entryOf(file);
    const { path: pathname, params } = urlOf(file, samples);
    // As a beheerder, who may do everything: an intent the action does not know is a bare 400. A
    // version goes along, as every form sends one: without it the attendance register's
    // "everyone present" answers a bare 400 too.
    const answer = async (intent: string) => {
      const cookie = await cookieOf("beheerder");
      const response: unknown = await call(
        t.db,
        action!,
        formRequest(pathname, { intent, version: "1" }, { cookie }),
        params,
      );
      if (!(response instanceof Response)) return "known";
      return response.status === 400 && (await response.clone().text()) === "" ? "unknown" : "known";
    };
    const dispatches = (await answer("geen-bestaande-intent")) === "unknown";
    const listed = intentsOf(entry.action);
    if (!dispatches) {
      expect(listed, "the action reads no intent: the table gives it one access, not intents").toBeNull();
      return;
    }
    expect(listed, "the action dispatches on `intent`: the table lists them").not.toBeNull();
    const known: string[] = [];
    for (const candidate of intentCandidates(file)) if ((await answer(candidate)) === "known") known.push(candidate);
    expect(
      known.filter((intent) => !(intent in listed!)),
      "intents missing from the table",
    ).toEqual([]);
    for (const intent of Object.keys(listed!)) expect(await answer(postedIntent(intent)), intent).toBe("known");
  });

  it.each(ROUTE_FILES)("%s: each visitor's loader gets as far as the table allows", async (file) => {
    const { loader } = await loadRoute(file);
    const rule = entryOf(file).loader;
    const cases: Array<[Access, Record<string, string>]> =
      typeof rule === "string" || "needs" in rule
        ? [[rule, samples]]
        : Object.entries(rule.values).map(([value, access]) => [access, { ...samples, [rule.param]: value }]);
    for (const [access, values] of cases) {
      const { path: pathname, params } = urlOf(file, values);
      for (const visitor of VISITORS) {
        const response = await call(
          t.db,
          loader!,
          get(pathname, visitor === "anonymous" ? undefined : cookies.get(visitor)),
          params,
        );
        expect(observed(response, pathname), `${visitor} GET ${pathname}`).toBe(verdictOf(access, visitor));
      }
    }
  });

  it.each(actionFiles)("%s: each visitor's action and intents get as far as the table allows", async (file) => {
    const { action } = await loadRoute(file);
    const rule = entryOf(file).action!;
    const { path: pathname, params } = urlOf(file, samples);
    const intents = intentsOf(rule);
    const cases: Array<[Access, Record<string, string>]> = intents
      ? Object.entries(intents).map(([intent, access]) => [access, { intent: postedIntent(intent) }])
      : [[rule as Access, {}]];
    for (const [access, fields] of cases) {
      for (const visitor of VISITORS) {
        const cookie = await cookieOf(visitor);
        const before = await rowCounts();
        const response = await call(t.db, action!, formRequest(pathname, fields, { cookie }), params);
        const what = `${visitor} POST ${pathname} ${JSON.stringify(fields)}`;
        const verdict = verdictOf(access, visitor);
        expect(observed(response, pathname), what).toBe(verdict);
        if (verdict !== "allowed") expect(await rowCounts(), `${what} changed nothing`).toEqual(before);
      }
    }
  });

  const recordFiles = ROUTE_FILES.filter((file) => {
    const rule = entryOf(file).loader;
    const accesses = typeof rule === "string" || "needs" in rule ? [rule] : Object.values(rule.values);
    return accesses.some((access) => typeof access === "object" && access.region === "record");
  });

  it("knows the pages about one record", () => {
    expect(recordFiles.length).toBeGreaterThan(20);
  });

  it.each(recordFiles)("%s: the other region's own records are open to its users", async (file) => {
    const { loader } = await loadRoute(file);
    const rule = entryOf(file).loader;
    const cases: Array<[Access, Record<string, string>]> =
      typeof rule === "string" || "needs" in rule
        ? [[rule, otherSamples]]
        : Object.entries(rule.values).map(([value, access]) => [access, { ...otherSamples, [rule.param]: value }]);
    for (const [access, values] of cases) {
      const { path: pathname, params } = urlOf(file, values);
      for (const role of USER_ROLES) {
        const visitor = `other-region ${role}` as const;
        const response = await call(t.db, loader!, get(pathname, cookies.get(visitor)), params);
        const { needs } = access as { needs: Permission };
        // past the gate: the page, or its own answer about the record (a sample of another wave: 404)
        expect(observed(response, pathname), `${visitor} GET ${pathname}`).toBe(
          can({ roles: rolesOf(visitor) }, needs, otherRegion) ? "allowed" : "forbidden",
        );
      }
    }
  });

  describe("an id of another record, in the URL's place or in a posted field", () => {
    /** A person other than the sample one, with an e-mail address and a job. */
    async function otherPerson() {
      return t.db
        .selectFrom("people")
        .innerJoin("person_emails", "person_emails.person_id", "people.id")
        .innerJoin("affiliations", "affiliations.person_id", "people.id")
        .select(["people.id", "person_emails.id as emailId", "affiliations.id as affiliationId"])
        .where("people.id", "!=", Number(samples.personId))
        .where("affiliations.end_date", "is", null)
        .orderBy("people.id")
        .executeTakeFirstOrThrow();
    }
    const versionOf = async (personId: string) =>
      String(
        (await t.db.selectFrom("people").select("version").where("id", "=", Number(personId)).executeTakeFirstOrThrow())
          .version,
      );

    async function expectRefusedUnchanged(file: string, fields: Record<string, string>, role: UserRole) {
      const { action } = await loadRoute(file);
      const { path: pathname, params } = urlOf(file, samples);
      const cookie = await cookieOf(role);
      const before = await rowCounts();
      const response = await call(t.db, action!, formRequest(pathname, fields, { cookie }), params);
      expect(response.status, `${role} POST ${pathname} ${JSON.stringify(fields)}`).toBeGreaterThanOrEqual(400);
      expect(await rowCounts()).toEqual(before);
    }

    it("does not remove, or make primary, another person's e-mail address from this person's page", async () => {
      const other = await otherPerson();
      const version = await versionOf(samples.personId!);
      for (const intent of ["removeEmail", "primaryEmail", "clearBounce"])
        await expectRefusedUnchanged(
          "personen.$personId_.bewerken.tsx",
          { intent, version, emailId: String(other.emailId) },
          "redacteur",
        );
      expect(
        await t.db.selectFrom("person_emails").select("id").where("id", "=", other.emailId).executeTakeFirst(),
      ).toBeTruthy();
    });

    it("does not edit or end another person's job from this person's page", async () => {
      const other = await otherPerson();
      const { version } = await t.db
        .selectFrom("affiliations")
        .select("version")
        .where("id", "=", other.affiliationId)
        .executeTakeFirstOrThrow();
      const fields = { affiliationId: String(other.affiliationId), version: String(version) };
      await expectRefusedUnchanged(
        "personen.$personId_.functies.tsx",
        { ...fields, intent: "end", end_date: "2026-01-01", confirm: "on" },
        "redacteur",
      );
      const ended = await t.db
        .selectFrom("affiliations")
        .select("end_date")
        .where("id", "=", other.affiliationId)
        .executeTakeFirstOrThrow();
      expect(ended.end_date).toBeNull();
    });

    it("does not revoke another body's calendar feed from this body's page", async () => {
      const beheerder = await userWithNetworkRole(t.db, "beheerder");
      const otherBody = await t.db
        .selectFrom("bodies")
        .select("id")
        .where("id", "!=", Number(samples.bodyId))
        .orderBy("id")
        .executeTakeFirstOrThrow();
      const { feed } = await createFeed(t.db, beheerder, otherBody.id, null);
      for (const intent of ["revoke", "replace", "undo"])
        await expectRefusedUnchanged(
          "gremia.$bodyId_.agenda.tsx",
          { intent, feed: String(feed.id), confirm: "on" },
          "beheerder",
        );
      const stored = await t.db
        .selectFrom("calendar_feeds")
        .selectAll()
        .where("id", "=", feed.id)
        .executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ body_id: otherBody.id, token_hash: feed.token_hash, revoked_at: null });
    });

    it("changes only the signed-in user's own account, whatever user id is posted", async () => {
      const { action } = await loadRoute("account.tsx");
      const lezer = users.get("lezer")!;
      const cookie = await cookieOf("onderzoeker");
      await call(
        t.db,
        action!,
        formRequest(
          "/account",
          { intent: "language", language: "en", userId: String(lezer), id: String(lezer) },
          { cookie },
        ),
      );
      const languages = await t.db
        .selectFrom("users")
        .select(["id", "language"])
        .where("id", "in", [lezer, users.get("onderzoeker")!])
        .execute();
      expect(Object.fromEntries(languages.map((u) => [u.id, u.language]))).toEqual({
        [lezer]: "nl",
        [users.get("onderzoeker")!]: "en",
      });
    });
  });
});

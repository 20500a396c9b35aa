import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { can, type RoleGrant } from "../../app/auth/permissions";
import { type Access, type ActionAccess, ROUTE_ACCESS, type RouteAccess } from "../../app/auth/route-access";
import { createFeed } from "../../app/models/calendar.server";
import { USER_ROLES, type UserRole } from "../../db/schema";
import { createTestDatabase, formRequest, makeUser, sessionCookieFor, type TestDatabase } from "../support/db";
import { demoWithSamples, rowCounts as rowCountsOf } from "../support/demo-samples";
import { ROUTE_FILES, ROUTES_DIR, routeIdOf, sourcesOf, urlOf } from "../support/route-files";
import { call, get, type Handler } from "../support/routes";
import { userWithNetworkRole } from "../support/users";

/**
 * The permission matrix (decision 025): every route file of app/routes, and every intent its action
 * dispatches on, stands in app/auth/route-access.ts; every role — network-wide, and as the only role
 * in the demo's region (decision 042) — and an anonymous visitor get exactly as far as that table
 * says, on the demo network with real ids in the URL. The demo's records all lie in its one region,
 * so "record" routes are proven here for the record's own region; a user of another region is
 * refused them once records carry their region (the "record" routes of the table).
 */

const TABLE: Record<string, RouteAccess> = ROUTE_ACCESS;
function entryOf(file: string): RouteAccess {
  const entry = TABLE[routeIdOf(file)];
  if (!entry) throw new Error(`${routeIdOf(file)} is not in app/auth/route-access.ts`);
  return entry;
}

/** A network-wide role, the same role as the only one in the demo's region, or nobody signed in. */
type Visitor = UserRole | `regional ${UserRole}` | "anonymous";
const VISITORS: readonly Visitor[] = [
  ...USER_ROLES,
  ...USER_ROLES.map((role) => `regional ${role}` as const),
  "anonymous",
];
type Verdict = "allowed" | "forbidden" | "login";

/** The demo's one region: a regional visitor's only region, so also the one they look at. */
let demoRegion = 0;

function rolesOf(visitor: Exclude<Visitor, "anonymous">): RoleGrant[] {
  const [scope, role] = visitor.split(" ");
  return role ? [{ regionId: demoRegion, role: role as UserRole }] : [{ regionId: null, role: scope as UserRole }];
}

function verdictOf(access: Access, visitor: Visitor): Verdict {
  if (access === "public") return "allowed";
  if (visitor === "anonymous") return "login";
  if (access === "signed-in") return "allowed";
  const user = { roles: rolesOf(visitor) };
  if (typeof access === "string") return can(user, access) ? "allowed" : "forbidden";
  return can(user, access.needs, access.region === "network" ? "network" : demoRegion) ? "allowed" : "forbidden";
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

  /** A session of its own for each request: an allowed POST to /logout ends the session it came with. */
  const cookieOf = async (visitor: Visitor) =>
    visitor === "anonymous" ? undefined : sessionCookieFor(t.db, users.get(visitor)!);

  const rowCounts = () => rowCountsOf(t.db);

  beforeAll(async () => {
    t = await createTestDatabase();
    Object.assign(samples, await demoWithSamples(t.db));
    demoRegion = (await t.db.selectFrom("regions").select("id").executeTakeFirstOrThrow()).id;
    for (const role of USER_ROLES) {
      users.set(role, (await userWithNetworkRole(t.db, role)).id);
      const { user } = await makeUser(t.db, { regionRoles: { [demoRegion]: role } });
      users.set(`regional ${role}`, user.id);
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

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as privacyRoute from "../../app/routes/privacy";
import * as route from "../../app/routes/beheer.bewaartermijn";
import type { RetentionAnswer } from "../../app/services/retention-page.server";
import type { UserRole } from "../../db/schema";
import { createTestDatabase, formRequest, makePerson, type TestDatabase } from "../support/db";
import { call as call_, get, type Handler, signedIn as signedIn_ } from "../support/routes";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

const call = (handler: Handler, request: Request) => call_(t.db, handler, request);
const signedIn = (role: UserRole) => signedIn_(t.db, role);
const PAGE = "/beheer/bewaartermijn";
const oldPerson = (lastName: string) =>
  makePerson(t.db, { last_name: lastName, created_at: "2015-01-01T09:00:00.000Z" });
const post = (cookie: string, fields: Record<string, string | readonly string[]>) =>
  call(route.action, formRequest(PAGE, fields, { cookie }));
const archivedAt = async (id: number) =>
  (await t.db.selectFrom("people").select("archived_at").where("id", "=", id).executeTakeFirstOrThrow()).archived_at;

describe("the retention page", () => {
  it("is for the beheerder only", async () => {
    for (const role of ["redacteur", "onderzoeker", "lezer"] as const) {
      const { cookie } = await signedIn(role);
      expect((await call(route.loader as Handler, get(PAGE, cookie))).status).toBe(403);
      expect((await post(cookie, { intent: "review-archive", persoon: "1.1" })).status).toBe(403);
    }
  });

  it("lists by the configured period, or by the months asked for, and says when those cannot be used", async () => {
    await oldPerson("Oud");
    const { cookie } = await signedIn("beheerder");
    const data = (await (await call(route.loader, get(PAGE, cookie))).json()) as {
      page: { total: number };
      query: { months: number };
    };
    expect(data).toMatchObject({ page: { total: 1 }, query: { months: 24 } });
    const wrong = await call(route.loader, get(`${PAGE}?maanden=500`, cookie));
    expect(await wrong.json()).toMatchObject({ query: { months: 24, typedMonths: "500", monthsInvalid: true } });
    const longer = await call(route.loader, get(`${PAGE}?maanden=240`, cookie));
    expect(await longer.json()).toMatchObject({ page: { total: 0 }, query: { months: 240 } });
  });

  it("confirms before archiving, then archives and says so", async () => {
    const a = await oldPerson("Eerste");
    const b = await oldPerson("Tweede");
    const { cookie } = await signedIn("beheerder");
    expect(await (await post(cookie, { intent: "review-archive", maanden: "24" })).json()).toEqual({
      kind: "nothingChosen",
    });

    const chosen = [`${a.id}.${a.version}`, `${b.id}.${b.version}`];
    const review = await post(cookie, { intent: "review-archive", maanden: "24", persoon: chosen });
    const confirm = (await review.json()) as Extract<RetentionAnswer, { kind: "confirm" }>;
    expect(confirm).toMatchObject({ kind: "confirm", bulk: "archive", dropped: 0, changed: 0 });
    expect(confirm.rows.map((row) => row.last_name)).toEqual(["Eerste", "Tweede"]);
    expect(await archivedAt(a.id)).toBeNull();

    const done = await post(cookie, { intent: "confirm-archive", maanden: "24", persoon: chosen });
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe(`${PAGE}?maanden=24&melding=gearchiveerd`);
    expect(await archivedAt(a.id)).not.toBeNull();
    expect(await archivedAt(b.id)).not.toBeNull();
  });

  it("shows the confirmation again, with a warning, when someone changed meanwhile", async () => {
    const a = await oldPerson("Eerste");
    const b = await oldPerson("Tweede");
    const { cookie } = await signedIn("beheerder");
    await t.db
      .updateTable("people")
      .set({ version: b.version + 1 })
      .where("id", "=", b.id)
      .execute();
    const answer = await post(cookie, {
      intent: "confirm-archive",
      maanden: "24",
      persoon: [`${a.id}.${a.version}`, `${b.id}.${b.version}`],
    });
    expect(answer.status).toBe(409);
    const confirm = (await answer.json()) as Extract<RetentionAnswer, { kind: "confirm" }>;
    expect(confirm).toMatchObject({ kind: "confirm", bulk: "archive", changed: 1 });
    expect(confirm.rows.map((row) => [row.id, row.version])).toEqual([
      [a.id, a.version],
      [b.id, b.version + 1],
    ]);
    expect(await archivedAt(a.id)).toBeNull();
  });

  it("offers the erasure of archived people too, with the confirmation step first", async () => {
    const archived = await makePerson(t.db, {
      last_name: "Gearchiveerd",
      created_at: "2015-01-01T09:00:00.000Z",
      archived_at: "2016-01-01T09:00:00.000Z",
    });
    const { cookie } = await signedIn("beheerder");
    const archiving = await post(cookie, { intent: "review-archive", persoon: `${archived.id}.${archived.version}` });
    expect(await archiving.json()).toMatchObject({ kind: "confirm", rows: [], dropped: 1 });
    const erasing = await post(cookie, {
      intent: "review-erase",
      gearchiveerd: "1",
      persoon: `${archived.id}.${archived.version}`,
    });
    expect(await erasing.json()).toMatchObject({
      kind: "confirm",
      bulk: "erase",
      includeArchived: true,
      rows: [{ last_name: "Gearchiveerd", archived: true }],
    });
  });

  it("erases the confirmed people in one go, each as the person's own erase page would", async () => {
    const a = await makePerson(t.db, {
      last_name: "Eerste",
      email: "eerste@example.org",
      created_at: "2015-01-01T09:00:00.000Z",
    });
    const b = await oldPerson("Tweede");
    const { cookie } = await signedIn("beheerder");
    const done = await post(cookie, {
      intent: "confirm-erase",
      maanden: "24",
      persoon: [`${a.id}.${a.version}`, `${b.id}.${b.version}`],
    });
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe(`${PAGE}?maanden=24&melding=gewist`);
    const people = await t.db
      .selectFrom("people")
      .select(["last_name", "erased_at"])
      .where("id", "in", [a.id, b.id])
      .execute();
    expect(people.map((person) => person.last_name)).toEqual(["verwijderde persoon", "verwijderde persoon"]);
    expect(people.every((person) => person.erased_at !== null)).toBe(true);
    const erasures = await t.db.selectFrom("audit_log").select("entity_id").where("action", "=", "erase").execute();
    expect(erasures.map((entry) => Number(entry.entity_id)).sort((x, y) => x - y)).toEqual([a.id, b.id]);
    expect(await t.db.selectFrom("suppressed_addresses").selectAll().execute()).toHaveLength(1);
  });
});

/** The statement's loader answers at once; Handler is the async shape Remix also accepts. */
const privacyLoader: Handler = (args) =>
  Promise.resolve(privacyRoute.loader(args as Parameters<typeof privacyRoute.loader>[0]));

describe("the privacy statement", () => {
  it("needs no login, names the configured retention period, and opens in the language a link asks for", async () => {
    const data = await (await call(privacyLoader, get("/privacy"))).json();
    expect(data).toEqual({ language: null, retentionMonths: 24 });
    const english = await (await call(privacyLoader, get("/privacy?taal=en"))).json();
    expect(english).toEqual({ language: "en", retentionMonths: 24 });
  });
});

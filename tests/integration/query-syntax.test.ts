import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listSavedSearches, peopleFoundBy, readableSearches, saveSearch } from "../../app/models/saved-searches.server";
import { searchRegister } from "../../app/models/search.server";
import { SORT_PARAM } from "../../app/services/list-params";
import type { User } from "../../db/schema";
import { createTestDatabase, sessionCookieFor, type TestDatabase, defaultRegionId } from "../support/db";
import { demoWithSamples, rowCounts } from "../support/demo-samples";
import { ROUTE_FILES, ROUTES_DIR, sourcesOf, urlOf } from "../support/route-files";
import { call, get, type Handler } from "../support/routes";
import { userWithNetworkRole } from "../support/users";

/**
 * SQL and full-text syntax typed into the search, the lookup, the list filters, saved searches and
 * every sort and page parameter: each route answers with its normal page (or a 400 that says what is
 * wrong), never a 500 or a database's error text, and the register is as it was.
 */

/** What one might type or put in a URL, as it appears in the query string (already percent-encoded). */
const TYPED = [
  "' OR 1=1 --",
  '"',
  "*",
  "NEAR(",
  "^",
  "AND OR NOT",
  "col:term",
  "%",
  "_",
  "\\",
  ")(",
  "'; drop table people; --",
  "naam;drop",
  "-1",
  "0",
  "99999999999999999999",
  "1e308",
  "Ünïcødé 名前 🙂 ‮",
  "x".repeat(10_000),
].map((text) => ({
  label: text.length > 40 ? `${text.slice(0, 20)}… (${text.length} tekens)` : text,
  query: encodeURIComponent(text),
}));
/** Percent-escapes no UTF-8 decoder accepts: a lone surrogate, a cut sequence, an overlong form, a bare %. */
const MALFORMED = ["%ED%A0%80", "%C3%28", "%E0%A4%A", "%C0%AF", "%", "%zz"].map((query) => ({ label: query, query }));
const PAYLOADS = [...TYPED, ...MALFORMED];

/** Text a database puts in its errors: none of it may reach a page. */
const DATABASE_ERROR =
  /sqlite|syntax error|fts5|tsquery|unterminated|malformed MATCH|no such column|relation "|violates|SQLSTATE|kysely/i;

/** The query parameters a route's own code reads (helpers like `pageFrom` name theirs in list-params). */
const PARAM_READ =
  /\b(?!selectFrom|deleteFrom)(?:[a-zA-Z]+From|oneOf|get|getAll|has)\(\s*(?:[\w.]+,\s*)?"([a-z][a-z_-]*)"/g;
const EVERY_LIST_READS = ["q", SORT_PARAM, "sorteer", "pagina", "melding"];
function paramsReadBy(file: string): string[] {
  const names = new Set(EVERY_LIST_READS);
  for (const source of sourcesOf(path.join(ROUTES_DIR, file)))
    for (const [, name] of readFileSync(source, "utf8").matchAll(PARAM_READ)) names.add(name!);
  return [...names];
}

/**
 * The tables a GET may add to: the audit log records who exported or looked into a person's data, and
 * the public pages count their requests (request_limits).
 */
const LOGS_OF_READS = ["audit_log", "request_limits"];
async function register(db: TestDatabase["db"]) {
  const counts = await rowCounts(db);
  for (const log of LOGS_OF_READS) delete counts[log];
  return counts;
}

interface RouteModule {
  loader: Handler;
}

describe("SQL and full-text syntax in searches, filters, sorting and paging", () => {
  let t: TestDatabase;
  let beheerder: User;
  let cookie: string;
  const samples: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDatabase();
    Object.assign(samples, await demoWithSamples(t.db));
    beheerder = await userWithNetworkRole(t.db, "beheerder");
    cookie = await sessionCookieFor(t.db, beheerder.id);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it("finds nothing unusual, and throws nothing, for syntax in the lookup", async () => {
    const someone = await searchRegister(t.db, "berg");
    expect(someone.length).toBeGreaterThan(0);
    for (const text of [...TYPED.map(({ query }) => decodeURIComponent(query)), "\uD800", "ber\uDC00g"]) {
      const found = await searchRegister(t.db, text, { limit: 100 });
      expect(found.length, text.slice(0, 40)).toBeLessThan(100);
    }
  });

  it("keeps syntax in a saved search's text as text, in the saved search and in whom it finds", async () => {
    const saved = [];
    for (const [index, { query }] of TYPED.entries()) {
      const text = decodeURIComponent(query).slice(0, 200);
      if (!text.trim()) continue;
      saved.push(
        await saveSearch(
          t.db,
          beheerder,
          `Zoekopdracht ${index} ${text.slice(0, 40)}`,
          { q: text },
          await defaultRegionId(t.db),
        ),
      );
    }
    const found = await peopleFoundBy(t.db, readableSearches(saved), "2026-01-01");
    const everyone = Number(
      (
        await t.db
          .selectFrom("people")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
    for (const search of saved) expect(found.get(search.id)!.length, search.name).toBeLessThan(everyone);
    expect((await listSavedSearches(t.db, "all", "2026-01-01")).length).toBeGreaterThanOrEqual(saved.length);
  });

  it.each(ROUTE_FILES)("%s: every parameter it reads takes any syntax without a database error", async (file) => {
    const { loader } = (await import(path.join(ROUTES_DIR, file))) as RouteModule;
    const { path: pathname, params } = urlOf(file, samples);
    const before = await register(t.db);
    for (const name of paramsReadBy(file)) {
      for (const payload of PAYLOADS) {
        const what = `GET ${pathname}?${name}=${payload.label}`;
        const response = await call(t.db, loader, get(`${pathname}?${name}=${payload.query}`, cookie), params);
        if (!(response instanceof Response)) {
          expect(JSON.stringify(response) ?? "", what).not.toMatch(DATABASE_ERROR);
          continue;
        }
        expect(response.status, what).toBeLessThan(500);
        const body = await response.text();
        expect(body, what).not.toMatch(DATABASE_ERROR);
        if (response.status === 400) expect(body, `${what}: the 400 says why`).not.toBe("");
      }
    }
    expect(await register(t.db), "the register is unchanged").toEqual(before);
  });
});

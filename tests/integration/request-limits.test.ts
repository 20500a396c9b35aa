import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { allowRequest } from "../../app/models/request-limits.server";
import { openDatabase } from "../../db/index";
import { createTestDatabase, type TestDatabase } from "../support/db";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

const LIMIT = { limit: 3, windowMs: 60_000 };
const T0 = Date.UTC(2025, 9, 6, 9, 0, 0);

describe("request limits", () => {
  it("allows the limit's number of requests per window, then refuses", async () => {
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push(await allowRequest(t.db, "page:10.0.0.1", LIMIT, T0 + i * 1000));
    expect(answers).toEqual([true, true, true, false, false]);
    const row = await t.db.selectFrom("request_limits").selectAll().executeTakeFirstOrThrow();
    expect(row).toEqual({ key: "page:10.0.0.1", window_start: T0, count: 5 });
  });

  it("starts a new window once the old one has passed", async () => {
    for (let i = 0; i < 4; i += 1) await allowRequest(t.db, "k", LIMIT, T0);
    expect(await allowRequest(t.db, "k", LIMIT, T0 + 59_999)).toBe(false);
    expect(await allowRequest(t.db, "k", LIMIT, T0 + 60_000)).toBe(true);
    const row = await t.db.selectFrom("request_limits").selectAll().executeTakeFirstOrThrow();
    expect(row).toEqual({ key: "k", window_start: T0 + 60_000, count: 1 });
    expect(await allowRequest(t.db, "k", LIMIT, T0 + 60_001)).toBe(true);
    expect(await allowRequest(t.db, "k", LIMIT, T0 + 60_002)).toBe(true);
    expect(await allowRequest(t.db, "k", LIMIT, T0 + 60_003)).toBe(false);
  });

  it("counts each key on its own", async () => {
    for (let i = 0; i < 3; i += 1) await allowRequest(t.db, "page:10.0.0.1", LIMIT, T0);
    expect(await allowRequest(t.db, "page:10.0.0.1", LIMIT, T0)).toBe(false);
    expect(await allowRequest(t.db, "page:10.0.0.2", LIMIT, T0)).toBe(true);
    expect(await allowRequest(t.db, "form:10.0.0.1", LIMIT, T0)).toBe(true);
  });

  it("gives exactly the limit to requests interleaved on two connections", async () => {
    const other = openDatabase(t.target);
    try {
      const limit = { limit: 25, windowMs: 60_000 };
      const answers = await Promise.all(
        Array.from({ length: 60 }, (_, i) => allowRequest(i % 2 ? other : t.db, "shared", limit, T0 + i)),
      );
      expect(answers.filter(Boolean)).toHaveLength(25);
    } finally {
      await other.destroy();
    }
  });

  it("gives exactly the limit to requests from several processes at once", async () => {
    const run = promisify(execFile);
    const worker = path.resolve("tests/support/request-limit-worker.ts");
    const tsx = path.resolve("node_modules/.bin/tsx");
    const outputs = await Promise.all(
      [1, 2, 3].map(() => run(tsx, [worker, JSON.stringify(t.target), "shared", "40", "50"], { timeout: 30_000 })),
    );
    const allowed = outputs.map((output) => Number(output.stdout));
    expect(allowed.reduce((sum, n) => sum + n, 0)).toBe(50);
    const row = await t.db.selectFrom("request_limits").selectAll().executeTakeFirstOrThrow();
    expect(row.count).toBe(120);
  });
});

import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/index";
import { PseudonymSecretError, pseudonymSecret } from "../../app/server/pseudonym-secret.server";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { TEST_ENGINE } from "../support/test-database";

describe("the pseudonym secret", () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it("comes from KRING_PSEUDONYM_SECRET when set, and is then not stored", async () => {
    const secret = "x".repeat(40);
    expect(await pseudonymSecret(t.db, t.target, { KRING_PSEUDONYM_SECRET: secret })).toBe(secret);
    expect(await t.db.selectFrom("settings").selectAll().execute()).toEqual([]);
  });

  it("refuses a configured secret shorter than 32 characters, saying why", async () => {
    const short = pseudonymSecret(t.db, t.target, { KRING_PSEUDONYM_SECRET: "kort" });
    await expect(short).rejects.toThrow(PseudonymSecretError);
    await expect(short).rejects.toThrow(/at least 32 characters/);
  });

  it("is generated once and kept in the database: the same for a second server and after a restart", async () => {
    const first = await pseudonymSecret(t.db, t.target, {});
    expect(first.length).toBeGreaterThanOrEqual(32);
    const otherServer = openDatabase(t.target);
    try {
      expect(await pseudonymSecret(otherServer, t.target, {})).toBe(first);
    } finally {
      await otherServer.destroy();
    }
    expect(await pseudonymSecret(t.db, t.target, {})).toBe(first);
  });

  it("gives two servers asking at the same moment the same key", async () => {
    const otherServer = openDatabase(t.target);
    try {
      const [mine, theirs] = await Promise.all([
        pseudonymSecret(t.db, t.target, {}),
        pseudonymSecret(otherServer, t.target, {}),
      ]);
      expect(theirs).toBe(mine);
    } finally {
      await otherServer.destroy();
    }
  });

  it.runIf(TEST_ENGINE === "sqlite")(
    "takes over the key an earlier Kring kept in pseudonym.secret beside the SQLite file",
    async () => {
      if (t.target.engine !== "sqlite") return;
      const earlier = "e".repeat(64);
      mkdirSync(path.dirname(t.target.file), { recursive: true });
      writeFileSync(path.join(path.dirname(t.target.file), "pseudonym.secret"), `${earlier}\n`);
      expect(await pseudonymSecret(t.db, t.target, {})).toBe(earlier);
      const stored = await t.db.selectFrom("settings").select("value").executeTakeFirstOrThrow();
      expect(stored.value).toBe(earlier);
    },
  );
});

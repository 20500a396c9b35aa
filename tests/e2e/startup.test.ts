import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { describeTarget } from "../../db/engine";
import { openMigratedDatabase } from "../../db/index";
import { refusedStart } from "../support/refused-start";
import { freePort, startServer } from "../support/server";
import { databaseEnv, emptyDatabase, freshDatabase, postgresUrlWith, TEST_ENGINE } from "../support/test-database";

describe("starting the server", () => {
  const dirs: string[] = [];
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    for (const drop of drops) await drop();
  });

  it("migrates a new, empty database, then listens and says where", async () => {
    const empty = await emptyDatabase();
    drops.push(empty.drop);
    const server = await startServer({ env: databaseEnv(empty.target) });
    try {
      if (empty.target.engine === "sqlite") expect(existsSync(empty.target.file)).toBe(true);
      expect(server.output()).toContain(`http://localhost:${server.port}`);
      expect(server.output()).toContain(describeTarget(empty.target));
      const response = await fetch(`${server.url}/favicon.svg`);
      expect(response.status).toBe(200);
    } finally {
      await server.stop();
    }
    const db = await openMigratedDatabase(empty.target);
    try {
      expect(
        await db
          .selectFrom("kysely_migration" as never)
          .select(sql`count(*)`.as("n"))
          .executeTakeFirst(),
      ).toEqual({
        n: expect.any(Number) as number,
      });
    } finally {
      await db.destroy();
    }
  });

  it.runIf(TEST_ENGINE === "sqlite")(
    "loads no demo people into a SQLite file it was given by DATABASE_PATH, and says so",
    async () => {
      // startServer names a database of its own; without KRING_DEMO that is a real install
      const server = await startServer({ env: { KRING_DEMO: undefined } });
      try {
        expect(server.output()).toContain("Demonetwerk niet geladen: DATABASE_PATH");
        expect(server.output()).not.toContain("Demo-accounts");
        const first = await fetch(`${server.url}/`, { redirect: "manual" });
        expect(first.headers.get("location")).toMatch(/^\/login/);
        const login = await fetch(`${server.url}/login`, { redirect: "manual" });
        expect(login.headers.get("location")).toBe("/setup");
      } finally {
        await server.stop();
      }
    },
  );

  it.runIf(TEST_ENGINE === "postgres")(
    "loads the demo network into an empty PostgreSQL database with a warning, and nothing with KRING_DEMO=0",
    async () => {
      const tryOut = await startServer({ env: { KRING_DEMO: undefined } });
      try {
        expect(tryOut.output()).toContain("Demonetwerk geladen");
        expect(tryOut.output()).toMatch(/fictieve personen.*KRING_DEMO=0/);
        const login = await fetch(`${tryOut.url}/login`, { redirect: "manual" });
        expect(login.status).toBe(200);
      } finally {
        await tryOut.stop();
      }
      const real = await startServer({ env: { KRING_DEMO: "0" } });
      try {
        expect(real.output()).toContain("Demonetwerk niet geladen (KRING_DEMO=0)");
        const login = await fetch(`${real.url}/login`, { redirect: "manual" });
        expect(login.headers.get("location")).toBe("/setup");
      } finally {
        await real.stop();
      }
    },
  );

  it("keeps an idle connection open longer than a load balancer does, and says so", async () => {
    const server = await startServer();
    try {
      const response = await fetch(`${server.url}/status`);
      await response.text();
      expect(response.headers.get("keep-alive")).toBe("timeout=65");
    } finally {
      await server.stop();
    }
  });

  it("refuses an idle timeout or a log format it cannot use, saying what it takes", async () => {
    expect(await refusedStart({ KRING_SESSION_IDLE_MINUTES: "twee uur" })).toContain(
      'KRING_SESSION_IDLE_MINUTES must be a whole number of minutes from 1 to 43200 (it is "twee uur").',
    );
    expect(await refusedStart({ KRING_LOG_FORMAT: "xml" })).toContain('KRING_LOG_FORMAT must be "json" or "text"');
  });

  it("refuses to start on a file that is not a database: exits non-zero naming the file and the cause", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "kring-garbage-"));
    dirs.push(dir);
    const file = path.join(dir, "kring.sqlite");
    writeFileSync(file, "Dit is geen database, maar een boodschappenlijst.\n".repeat(200));
    const output = await refusedStart({ DATABASE_PATH: file });
    expect(output).toContain(file);
    expect(output).toMatch(/not a database/i);
  });

  it("refuses a PostgreSQL server that cannot be reached, saying what to check", async () => {
    const port = await freePort();
    const output = await refusedStart({ DATABASE_URL: `postgres://kring:geheim@127.0.0.1:${port}/kring` });
    expect(output).toContain(`postgres://kring@127.0.0.1:${port}/kring`);
    expect(output).toMatch(/cannot be reached \(ECONNREFUSED\).*host and port in DATABASE_URL/);
    expect(output).not.toContain("geheim");
  });

  it.runIf(TEST_ENGINE === "postgres")("refuses wrong credentials and a database that does not exist", async () => {
    const wrongPassword = await refusedStart({ DATABASE_URL: postgresUrlWith({ password: "niet-het-wachtwoord" }) });
    expect(wrongPassword).toMatch(/refused the user name or password in DATABASE_URL/);
    expect(wrongPassword).not.toContain("niet-het-wachtwoord");
    const missing = await refusedStart({ DATABASE_URL: postgresUrlWith({ database: "kring_bestaat_niet" }) });
    expect(missing).toMatch(/"kring_bestaat_niet" does not exist: create it first/);
  });

  it("refuses a database created by a newer Kring, naming the versions", async () => {
    const fresh = await freshDatabase();
    drops.push(fresh.drop);
    const db = await openMigratedDatabase(fresh.target);
    try {
      await sql`insert into kysely_migration (name, timestamp) values ('0999_from_the_future', '2030-01-01T00:00:00.000Z')`.execute(
        db,
      );
    } finally {
      await db.destroy();
    }
    const output = await refusedStart(databaseEnv(fresh.target));
    expect(output).toMatch(
      /created by a newer Kring: it has migration 0999_from_the_future, and this Kring knows up to 0\d{3}_/,
    );
  });
});

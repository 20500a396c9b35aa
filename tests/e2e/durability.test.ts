import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DB, openMigratedDatabase } from "../../db/index";
import { makeUser, sessionCookieFor } from "../support/db";
import {
  KILL_WINDOW_MS,
  settleAfterKill,
  sqliteFileChecks,
  versionsAheadOfAudit,
  type Workload,
  writeTarget,
} from "../support/durability";
import { durabilityRegister } from "../support/durability-writes";
import { type ServerProcess, startServer } from "../support/server";
import { databaseEnv, type FreshDatabase, freshDatabase } from "../support/test-database";

const KILLS = Number(process.env.KRING_DURABILITY_KILLS || 50);
/** A server that answers nothing for this long is killed all the same (the round then cuts every write short). */
const NO_ANSWER_MS = 15_000;
const AUDITED = ["people", "meetings", "survey_waves", "mailings"] as const;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Durability under SIGKILL: the real server is killed again and again in the middle of writes (edits
 * of people and their addresses, attendance registers, freezes of survey waves, mailing starts,
 * bounce uploads), then started again on the same database. After every kill: the file is sound
 * (SQLite's own checks), every write the server answered is stored, every write it did not answer
 * is stored whole or not at all, and every version of a record has its audit entry.
 */
describe("the register under SIGKILL", () => {
  let database: FreshDatabase;
  let db: DB;
  let cookie = "";
  let workloads: Workload[] = [];
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    database = await freshDatabase();
    db = await openMigratedDatabase(database.target);
    const { user } = await makeUser(db, { role: "beheerder" });
    cookie = await sessionCookieFor(db, user.id);
    workloads = await durabilityRegister(db, user, KILLS);
  });
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await db?.destroy();
    await database?.drop();
  });

  const start = async () => {
    // no mail cap: every wave's invitation goes to the whole panel, whatever went before. A restart
    // may wait long on a machine busy with the other test files (CI once took over 30 s for one of
    // fifty): this test is about what survives a kill, not about how fast the server starts.
    const server = await startServer({
      env: { ...databaseEnv(database.target), KRING_MAIL_CAP: "10000/1" },
      timeoutMs: 120_000,
    });
    servers.push(server);
    return server;
  };

  it(`keeps every answered write and no half change through ${KILLS} kills`, async () => {
    const auditBaseline = await versionsAheadOfAudit(db, AUDITED);
    const timings = { restartMs: 0, slowestRestartMs: 0, checkMs: 0 };
    let server = await start();
    for (let round = 1; round <= KILLS; round++) {
      const target = writeTarget(server.url, cookie);
      const fired = Promise.allSettled(workloads.map((workload) => workload.fire(target, round)));
      await Promise.race([target.answering, sleep(NO_ANSWER_MS)]);
      await sleep(Math.random() * KILL_WINDOW_MS);
      server.child.kill("SIGKILL");
      await server.exited;
      const failures = (await fired).flatMap((result) => (result.status === "rejected" ? [String(result.reason)] : []));
      expect(
        failures,
        `round ${round}: writes answered otherwise than expected; the server said:\n${server.output()}`,
      ).toEqual([]);
      await server.stop();

      const checking = Date.now();
      await settleAfterKill(db);
      if (database.target.engine === "sqlite") {
        expect(sqliteFileChecks(database.target.file), `round ${round}`).toEqual({
          integrity: ["ok"],
          foreignKeys: [],
        });
      }
      for (const workload of workloads) await workload.check(db);
      const ahead = await versionsAheadOfAudit(db, AUDITED);
      const unaudited = [...ahead].filter(([record, n]) => n !== (auditBaseline.get(record) ?? 0));
      expect(unaudited, `round ${round}: versions without their audit entry`).toEqual([]);
      timings.checkMs += Date.now() - checking;

      const restarting = Date.now();
      server = await start();
      timings.restartMs += Date.now() - restarting;
      timings.slowestRestartMs = Math.max(timings.slowestRestartMs, Date.now() - restarting);
    }
    await server.stop();

    const summary = workloads.map(({ name, counts }) => `${name}: ${JSON.stringify(counts)}`).join("; ");
    console.log(
      `${KILLS} kills on ${database.target.engine}; restart ${Math.round(timings.restartMs / KILLS)} ms ` +
        `(slowest ${timings.slowestRestartMs} ms), ` +
        `checks ${Math.round(timings.checkMs / KILLS)} ms per kill; ${summary}`,
    );
    // a loop whose kills never cut a write short, or that never wrote, proves nothing
    for (const { name, counts } of workloads) expect(counts.answered, name).toBeGreaterThan(0);
    const cut = workloads.reduce((sum, { counts }) => sum + counts.kept + counts.undone, 0);
    expect(cut).toBeGreaterThanOrEqual(KILLS);
  }, 600_000);
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setClosingDate, startMailing } from "../../app/models/mailings.server";
import { DEFAULT_MAILING_POLICY } from "../../app/services/mail-recipients";
import { openMigratedDatabase } from "../../db/index";
import { makeUser } from "../support/db";
import { frozenWave, panelRegister } from "../support/panels";
import { type ServerProcess, startServer } from "../support/server";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { databaseEnv, type FreshDatabase, freshDatabase } from "../support/test-database";

const MEMBERS = 60;

/**
 * The promise of the outbox, tried on the real server: a mailing under way, the process killed
 * with SIGKILL in the middle, started again. Every member gets exactly one invitation, except the
 * few the restarted server lists as unknown (perhaps sent), and nobody gets two.
 */
describe("a mailing interrupted by SIGKILL", () => {
  let smtp: TestSmtpServer;
  let database: FreshDatabase;
  let waveId = 0;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    smtp = await startSmtpServer();
    // slow enough to be in the middle of the mailing when the process dies
    smtp.delayMs = 60;
    database = await freshDatabase();
    const db = await openMigratedDatabase(database.target);
    try {
      const { user } = await makeUser(db, { role: "onderzoeker" });
      const register = await panelRegister(db);
      for (let n = 0; n < MEMBERS; n++)
        await register.member(`Lid ${String(n).padStart(2, "0")}`, { level: "strategisch", organisation: "ggd" });
      const wave = await frozenWave(db, user, "Meting 2026", "2026-09-01");
      waveId = wave.id;
      await setClosingDate(db, user, wave.id, wave.version, "2026-10-31");
      await startMailing(
        db,
        user,
        wave.id,
        "invitation",
        { startAt: new Date().toISOString(), ratePerMinute: null, linkOrigin: "https://kring.example.nl" },
        DEFAULT_MAILING_POLICY,
      );
    } finally {
      await db.destroy();
    }
  });
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await smtp?.close();
    await database?.drop();
  });

  const start = async () => {
    const server = await startServer({
      env: { ...databaseEnv(database.target), SMTP_URL: smtp.url, MAIL_FROM: "Kring <kring@example.nl>" },
    });
    servers.push(server);
    return server;
  };

  it("resumes after a restart, sends nobody two, and lists the perhaps-sent as unknown", async () => {
    const first = await start();
    for (let i = 0; i < 400 && smtp.received.length < MEMBERS / 3; i++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    expect(smtp.received.length).toBeGreaterThan(0);
    expect(smtp.received.length).toBeLessThan(MEMBERS);
    first.child.kill("SIGKILL");
    await first.exited;

    const second = await start();
    const db = await openMigratedDatabase(database.target);
    try {
      let counts: { status: string; n: number }[] = [];
      for (let i = 0; i < 600; i++) {
        counts = await db
          .selectFrom("mail_outbox")
          .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
          .groupBy("status")
          .execute();
        const mailing = await db
          .selectFrom("mailings")
          .select("status")
          .where("wave_id", "=", waveId)
          .executeTakeFirst();
        if (mailing?.status === "done") break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const byStatus = Object.fromEntries(counts.map((row) => [row.status, Number(row.n)]));
      expect(byStatus.waiting ?? 0).toBe(0);
      expect(byStatus.sending ?? 0).toBe(0);
      expect((byStatus.sent ?? 0) + (byStatus.unknown ?? 0)).toBe(MEMBERS);

      const rows = await db.selectFrom("mail_outbox").select(["email", "status"]).execute();
      const received = new Map<string, number>();
      for (const message of smtp.received) for (const to of message.to) received.set(to, (received.get(to) ?? 0) + 1);
      for (const row of rows) {
        const times = received.get(row.email) ?? 0;
        // a sent row arrived exactly once; an unknown one at most once; none twice
        if (row.status === "sent") expect(times, row.email).toBe(1);
        else expect(times, row.email).toBeLessThanOrEqual(1);
      }
      expect(Math.max(...received.values())).toBe(1);
      expect(second.output()).toMatch(/onbekende afloop|Kring luistert/);
    } finally {
      await db.destroy();
    }
  }, 60_000);
});

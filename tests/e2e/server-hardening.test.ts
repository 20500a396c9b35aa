import { existsSync, statSync } from "node:fs";
import http from "node:http";
import SQLite from "better-sqlite3";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { sessionIdFromToken } from "../../app/auth/session.server";
import { createFeed } from "../../app/models/calendar.server";
import { saveWaveMessage, setClosingDate, startMailing } from "../../app/models/mailings.server";
import { DEFAULT_MAILING_POLICY } from "../../app/services/mail-recipients";
import { unsubscribeToken } from "../../app/services/unsubscribe-token.server";
import { openMigratedDatabase } from "../../db/index";
import { makeUser } from "../support/db";
import { frozenWave, panelRegister } from "../support/panels";
import { type ServerProcess, startServer } from "../support/server";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { databaseEnv, type FreshDatabase, freshDatabase } from "../support/test-database";

const SECRET = "the hardening test's server secret, 32+ characters";
/** A phrase that appears in the mailing's text and nowhere else. */
const MESSAGE_MARK = "Vertrouwelijke-uitnodigingstekst-7f3a";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`waited in vain for ${what}`);
    await pause(50);
  }
}

/**
 * A register with a beheerder whose password the test knows, a calendar feed, and one member of a
 * frozen wave with an invitation mailing due now, its text carrying MESSAGE_MARK.
 */
async function preparedRegister(database: FreshDatabase) {
  const db = await openMigratedDatabase(database.target);
  try {
    const { user, password } = await makeUser(db, { role: "beheerder", email: "bea@example.org" });
    const register = await panelRegister(db);
    await register.member("Jansen", { level: "strategisch", organisation: "ggd" });
    const { token: feedToken } = await createFeed(db, user, register.bodies.strategisch.id, null);
    const wave = await frozenWave(db, user, "Meting 2026", "2026-09-01");
    await setClosingDate(db, user, wave.id, wave.version, "2026-10-31");
    await saveWaveMessage(db, user, wave.id, "invitation", "nl", null, {
      subject: "Uw mening, {voornaam}",
      body: `{aanhef},\n\n${MESSAGE_MARK}\n\n{link}\n\n{afmeldlink}`,
    });
    await startMailing(
      db,
      user,
      wave.id,
      "invitation",
      { startAt: new Date().toISOString(), ratePerMinute: null, linkOrigin: "https://kring.example.nl" },
      DEFAULT_MAILING_POLICY,
    );
    const member = await db.selectFrom("panel_members").select("id").executeTakeFirstOrThrow();
    const unsubscribe = unsubscribeToken(SECRET, member.id, new Date(Date.now() + 30 * 24 * 60 * 60 * 1000));
    return { password, feedToken, unsubscribe };
  } finally {
    await db.destroy();
  }
}

async function outboxStatus(database: FreshDatabase) {
  const db = await openMigratedDatabase(database.target);
  try {
    return (await db.selectFrom("mail_outbox").select("status").execute()).map((row) => row.status);
  } finally {
    await db.destroy();
  }
}

describe("the running server's hardening", () => {
  let smtp: TestSmtpServer;
  let database: FreshDatabase | undefined;
  let server: ServerProcess | undefined;

  afterEach(async () => {
    await server?.stop();
    await database?.drop();
    server = undefined;
    database = undefined;
  });
  afterAll(async () => {
    await smtp?.close();
  });

  async function start() {
    smtp ??= await startSmtpServer();
    smtp.received.length = 0;
    database = await freshDatabase();
    const secrets = await preparedRegister(database);
    server = await startServer({
      env: {
        ...databaseEnv(database.target),
        SMTP_URL: smtp.url,
        MAIL_FROM: "Kring <kring@example.nl>",
        KRING_PSEUDONYM_SECRET: SECRET,
      },
    });
    return { ...secrets, server, database };
  }

  it("logs every request as a JSON line, without passwords, tokens, session ids or message text", async () => {
    smtp ??= await startSmtpServer();
    smtp.delayMs = 0;
    const { password, feedToken, unsubscribe, server } = await start();
    const origin = server.url;

    const login = await fetch(`${origin}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
      body: new URLSearchParams({ email: "bea@example.org", password, next: "/personen" }),
    });
    expect(login.status).toBe(302);
    const sessionToken = /kring_session=([^;]+)/.exec(login.headers.get("Set-Cookie") ?? "")![1]!;
    const people = await fetch(`${origin}/personen?zoek=${encodeURIComponent(password)}`, {
      headers: { Cookie: `kring_session=${sessionToken}` },
    });
    expect(people.status).toBe(200);

    expect((await fetch(`${origin}/agenda/${feedToken}.ics?token=${feedToken}`)).status).toBe(200);

    // what a mail provider's one-click unsubscribe sends
    const optOut = await fetch(`${origin}/afmelden/${unsubscribe}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(optOut.status).toBe(200);

    const [delivered] = await until("the invitation", () => smtp.received[0] && smtp.received);
    expect(delivered!.raw).toContain(MESSAGE_MARK);
    await until("the outbox row marked sent", async () => (await outboxStatus(database!))[0] === "sent");

    await server.stop();
    const lines = server
      .output()
      .split("\n")
      .filter((line) => line !== "");
    const entries = lines.map((line) => {
      expect(() => JSON.parse(line), line).not.toThrow();
      return JSON.parse(line) as { time: string; level: string; msg: string; path?: string };
    });
    expect(entries.every((entry) => entry.time && entry.level && typeof entry.msg === "string")).toBe(true);
    const paths = entries.filter((entry) => entry.msg === "request").map((entry) => entry.path);
    expect(paths).toEqual(expect.arrayContaining(["/login", "/personen", "/agenda/…", "/afmelden/…"]));

    const output = server.output();
    for (const secret of [
      password,
      encodeURIComponent(password),
      feedToken,
      unsubscribe,
      sessionToken,
      sessionIdFromToken(sessionToken),
      MESSAGE_MARK,
    ])
      expect(output).not.toContain(secret);
  }, 60_000);

  it("on SIGTERM finishes the request and the message in flight, closes the database and exits 0", async () => {
    smtp ??= await startSmtpServer();
    // the SMTP server keeps the invitation's DATA unanswered for a while
    smtp.delayMs = 2_500;
    const { server, database } = await start();
    await until("the invitation being handed over", async () => (await outboxStatus(database))[0] === "sending");

    // a request whose body is still on its way when the signal comes
    const body = "email=bea%40example.org&password=niet-het-goede-wachtwoord";
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request(`${server.url}/login`, {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "Content-Length": Buffer.byteLength(body),
          Origin: server.url,
        },
      });
      request.on("response", (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      });
      request.on("error", reject);
      request.write(body.slice(0, 20));
      void pause(300).then(() => {
        server.child.kill("SIGTERM");
        return pause(700).then(() => request.end(body.slice(20)));
      });
    });

    const { status, text } = await answer;
    expect(status).toBe(400);
    expect(text).toContain("Het e-mailadres of het wachtwoord klopt niet.");
    const exit = await Promise.race([server.exited, pause(15_000).then(() => "still running" as const)]);
    expect(exit, server.output()).toEqual({ code: 0, signal: null });

    // before anything else opens it again
    if (database.target.engine === "sqlite") {
      const wal = `${database.target.file}-wal`;
      expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
      const sqlite = new SQLite(database.target.file, { readonly: true });
      try {
        expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
      } finally {
        sqlite.close();
      }
    }
    expect(smtp.received).toHaveLength(1);
    expect(await outboxStatus(database)).toEqual(["sent"]);
    expect(server.output()).toContain('"msg":"Kring gestopt"');
  }, 60_000);
});

import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { requireSession } from "../../app/auth/guard.server";
import { attemptLogin } from "../../app/auth/login.server";
import {
  createSession,
  generateSessionToken,
  SESSION_COOKIE,
  SESSION_LIFETIME_MS,
  validateSessionToken,
} from "../../app/auth/session.server";
import * as loginRoute from "../../app/routes/login";
import * as logoutRoute from "../../app/routes/logout";
import { createTestDatabase, formRequest, makeUser, testContext, type TestDatabase } from "../support/db";

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

/** The token the Set-Cookie header hands the browser. */
function tokenFrom(response: Response): string {
  const cookie = response.headers.get("Set-Cookie") ?? "";
  const match = new RegExp(`${SESSION_COOKIE}=([^;]*)`).exec(cookie);
  if (!match?.[1]) throw new Error(`no session cookie in ${cookie}`);
  return match[1];
}

async function postLogin(fields: Record<string, string>, cookie?: string) {
  return loginRoute.action({
    request: formRequest("/login", fields, { cookie }),
    context: testContext(t.db),
    params: {},
  });
}

describe("signing in", () => {
  it("succeeds with the right password, whatever the case of the e-mail address", async () => {
    const { user, password } = await makeUser(t.db, { role: "lezer", email: "anna@example.org" });
    const result = await attemptLogin(t.db, " Anna@Example.org ", password, "10.0.0.1");
    expect(result).toMatchObject({ ok: true, user: { id: user.id, email: "anna@example.org" } });
    expect(result.ok && "password_hash" in result.user).toBe(false);
  });

  it("gives an unknown account and a wrong password the very same answer", async () => {
    await makeUser(t.db, { role: "lezer", email: "anna@example.org" });
    const wrongPassword = await attemptLogin(t.db, "anna@example.org", "niet-het-wachtwoord", "10.0.0.1");
    const unknownAccount = await attemptLogin(t.db, "niemand@example.org", "niet-het-wachtwoord", "10.0.0.1");
    expect(wrongPassword).toEqual({ ok: false, reason: "invalid" });
    expect(unknownAccount).toEqual(wrongPassword);

    const pageWrong = await postLogin({ email: "anna@example.org", password: "niet-het-wachtwoord" });
    const pageUnknown = await postLogin({ email: "niemand@example.org", password: "niet-het-wachtwoord" });
    expect(pageWrong.status).toBe(400);
    expect(pageUnknown.status).toBe(400);
    const [wrongBody, unknownBody] = [await pageWrong.json(), await pageUnknown.json()];
    expect(wrongBody.errors).toEqual({ _form: "auth.errors.invalidCredentials" });
    expect(unknownBody.errors).toEqual(wrongBody.errors);
  });

  it("answers a disabled account with the same message, even with the right password", async () => {
    const { password } = await makeUser(t.db, { role: "redacteur", email: "weg@example.org", disabled: true });
    expect(await attemptLogin(t.db, "weg@example.org", password, "10.0.0.1")).toEqual({ ok: false, reason: "invalid" });
  });

  it("blocks an account after five failures, reports the wait, and does not check the password meanwhile", async () => {
    const { password } = await makeUser(t.db, { role: "lezer", email: "anna@example.org" });
    const now = Date.UTC(2026, 0, 5, 9, 0, 0);
    for (let i = 1; i <= 4; i++) {
      expect(await attemptLogin(t.db, "anna@example.org", "fout", `10.0.0.${i}`, now + i)).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    // the fifth failure itself already says how long to wait
    expect(await attemptLogin(t.db, "anna@example.org", "fout", "10.0.0.5", now + 5)).toEqual({
      ok: false,
      reason: "throttled",
      waitSeconds: 30,
    });
    // even the right password is refused while blocked, from any address
    expect(await attemptLogin(t.db, "anna@example.org", password, "10.0.0.6", now + 10_005)).toEqual({
      ok: false,
      reason: "throttled",
      waitSeconds: 20,
    });
    expect(await attemptLogin(t.db, "anna@example.org", password, "10.0.0.6", now + 31_000)).toMatchObject({
      ok: true,
    });
  });

  it("shows the wait on the login page in the reader's terms", async () => {
    await makeUser(t.db, { role: "lezer", email: "anna@example.org" });
    let response: Response | undefined;
    for (let i = 0; i < 5; i++) response = await postLogin({ email: "anna@example.org", password: "fout" });
    expect(response?.status).toBe(429);
    expect((await response!.json()).errors._form).toMatch(/^auth\.errors\.throttled\?count=(29|30)$/);
  });

  it("forgets the account's failures after a successful login", async () => {
    const { password } = await makeUser(t.db, { role: "lezer", email: "anna@example.org" });
    for (let i = 0; i < 4; i++) await attemptLogin(t.db, "anna@example.org", "fout", "10.0.0.1");
    expect(await attemptLogin(t.db, "anna@example.org", password, "10.0.0.1")).toMatchObject({ ok: true });
    for (let i = 0; i < 4; i++) {
      expect(await attemptLogin(t.db, "anna@example.org", "fout", "10.0.0.1")).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
  });
});

describe("sessions", () => {
  it("are stored only as the SHA-256 of the token the browser holds", async () => {
    const { user, password } = await makeUser(t.db, { role: "lezer", email: "anna@example.org" });
    const response = await postLogin({ email: "anna@example.org", password, next: "/gremia" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/gremia");
    expect(response.headers.get("Set-Cookie")).toMatch(/HttpOnly/);
    const token = tokenFrom(response);

    const rows = await t.db.selectFrom("sessions").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.user_id).toBe(user.id);
    expect(rows[0]!.id).toBe(encodeHexLowerCase(sha256(new TextEncoder().encode(token))));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("never redirect to another host after signing in", async () => {
    const { password } = await makeUser(t.db, { role: "lezer", email: "anna@example.org" });
    const response = await postLogin({ email: "anna@example.org", password, next: "//evil.example/" });
    expect(response.headers.get("Location")).toBe("/");
  });

  it("last 30 days and are extended to 30 days when used in their second half", async () => {
    const { user } = await makeUser(t.db, { role: "lezer" });
    const start = Date.UTC(2026, 2, 1);
    const token = generateSessionToken();
    await createSession(t.db, token, user.id, start);

    // used daily, so the idle timeout does not end it first
    const early = await validateSessionToken(t.db, token, start + 10 * DAY, 30 * DAY);
    expect(early).toMatchObject({ extended: false, session: { expiresAt: start + 30 * DAY } });

    const late = await validateSessionToken(t.db, token, start + 16 * DAY, 30 * DAY);
    expect(late).toMatchObject({ extended: true, session: { expiresAt: start + 16 * DAY + SESSION_LIFETIME_MS } });

    expect(await validateSessionToken(t.db, token, start + 46 * DAY + 1, 30 * DAY)).toBeNull();
    expect(await t.db.selectFrom("sessions").selectAll().execute()).toEqual([]);
  });

  it("end when unused for longer than the idle timeout, their last use written at most once a minute", async () => {
    const { user } = await makeUser(t.db, { role: "lezer" });
    const start = Date.UTC(2026, 2, 1);
    const token = generateSessionToken();
    await createSession(t.db, token, user.id, start);
    const lastUse = async () =>
      (await t.db.selectFrom("sessions").select("last_used_at").executeTakeFirstOrThrow()).last_used_at;
    const idle = 120 * MINUTE;

    expect(await validateSessionToken(t.db, token, start + 59_000, idle)).toMatchObject({ user: { id: user.id } });
    expect(Number(await lastUse())).toBe(start);
    expect(await validateSessionToken(t.db, token, start + MINUTE, idle)).toMatchObject({ user: { id: user.id } });
    expect(Number(await lastUse())).toBe(start + MINUTE);

    // unused for exactly the timeout still works; a millisecond more ends it
    expect(await validateSessionToken(t.db, token, start + MINUTE + idle, idle)).toMatchObject({ extended: false });
    const later = start + 2 * MINUTE + 2 * idle + 1;
    expect(await validateSessionToken(t.db, token, later - idle - 1, idle)).not.toHaveProperty("endedIdle");
    expect(await validateSessionToken(t.db, token, later, idle)).toEqual({ endedIdle: true });
    expect(await t.db.selectFrom("sessions").selectAll().execute()).toEqual([]);
    expect(await validateSessionToken(t.db, token, later, idle)).toBeNull();
  });

  it("left idle send the reader to the login page, which says why and brings them back", async () => {
    const { user, password } = await makeUser(t.db, { role: "lezer", email: "anna@example.org" });
    const token = generateSessionToken();
    await createSession(t.db, token, user.id, Date.now() - 121 * MINUTE);
    const context = testContext(t.db, { sessionIdleMs: 120 * MINUTE });
    const request = new Request("http://localhost/personen?zoek=jansen", {
      headers: { Cookie: `${SESSION_COOKIE}=${token}` },
    });
    const refused = await requireSession(request, context).catch((thrown: unknown) => thrown as Response);
    expect(refused).toBeInstanceOf(Response);
    const login = (refused as Response).headers.get("Location")!;
    expect(login).toBe("/login?next=%2Fpersonen%3Fzoek%3Djansen&melding=inactief");

    const page = (await loginRoute.loader({
      request: new Request(new URL(login, "http://localhost")),
      context: testContext(t.db),
      params: {},
    })) as Response;
    expect(await page.json()).toEqual({ next: "/personen?zoek=jansen", signedOutIdle: true });
    const back = await postLogin({ email: "anna@example.org", password, next: "/personen?zoek=jansen" });
    expect(back.headers.get("Location")).toBe("/personen?zoek=jansen");
  });

  it("end when signing out, and the cookie is cleared", async () => {
    const { password } = await makeUser(t.db, { role: "lezer", email: "anna@example.org" });
    const token = tokenFrom(await postLogin({ email: "anna@example.org", password }));
    const response = await logoutRoute.action({
      request: formRequest("/logout", {}, { cookie: `${SESSION_COOKIE}=${token}` }),
      context: testContext(t.db),
      params: {},
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login");
    expect(response.headers.get("Set-Cookie")).toMatch(new RegExp(`^${SESSION_COOKIE}=;.*Max-Age=0`));
    expect(await validateSessionToken(t.db, token)).toBeNull();
    expect(await t.db.selectFrom("sessions").selectAll().execute()).toEqual([]);
  });

  it("of whoever was signed in on the browser before end when someone else signs in there", async () => {
    const first = await makeUser(t.db, { role: "lezer", email: "een@example.org" });
    const second = await makeUser(t.db, { role: "lezer", email: "twee@example.org" });
    const firstToken = tokenFrom(await postLogin({ email: "een@example.org", password: first.password }));
    await postLogin({ email: "twee@example.org", password: second.password }, `${SESSION_COOKIE}=${firstToken}`);
    expect(await validateSessionToken(t.db, firstToken)).toBeNull();
  });
});

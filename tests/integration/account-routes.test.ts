import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SESSION_COOKIE, validateSessionToken } from "../../app/auth/session.server";
import * as accountRoute from "../../app/routes/account";
import * as editUserRoute from "../../app/routes/beheer.gebruikers.$userId";
import * as usersRoute from "../../app/routes/beheer.gebruikers._index";
import * as auditRoute from "../../app/routes/beheer.logboek";
import * as loginRoute from "../../app/routes/login";
import * as setupRoute from "../../app/routes/setup";
import type { UserRole } from "../../db/schema";
import { createTestDatabase, formRequest, makeUser, sessionCookieFor, type TestDatabase } from "../support/db";
import { call as call_, get, type Handler, signedIn as signedIn_ } from "../support/routes";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

const call = (handler: Handler, request: Request, params: Record<string, string> = {}) =>
  call_(t.db, handler, request, params);
const signedIn = (role: UserRole) => signedIn_(t.db, role);

const FIRST_REGION = { regionName: "Zuid-Limburg", regionCode: "zuid-limburg", regionTagline: "" };

describe("/setup", () => {
  it("is there while nobody can sign in, and the login page leads to it", async () => {
    expect((await call(setupRoute.loader, get("/setup"))).status).toBe(200);
    const login = await call(loginRoute.loader, get("/login"));
    expect(login.status).toBe(302);
    expect(login.headers.get("Location")).toBe("/setup");
  });

  it("creates the first beheerder and signs them in", async () => {
    const response = await call(
      setupRoute.action,
      formRequest("/setup", {
        name: "Eerste",
        email: "eerste@example.org",
        password: "een lang wachtwoord",
        passwordConfirm: "een lang wachtwoord",
        ...FIRST_REGION,
      }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/");
    const token = /kring_session=([^;]+)/.exec(response.headers.get("Set-Cookie") ?? "")?.[1];
    expect(await validateSessionToken(t.db, token!)).toMatchObject({
      user: {
        roles: [{ regionId: null, role: "beheerder" }],
        email: "eerste@example.org",
      },
    });
  });

  it("refuses two different passwords, on the repetition, without echoing either", async () => {
    const response = await call(
      setupRoute.action,
      formRequest("/setup", {
        name: "Eerste",
        email: "eerste@example.org",
        password: "een lang wachtwoord",
        passwordConfirm: "een ander wachtwoord",
        ...FIRST_REGION,
      }),
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({ passwordConfirm: "auth.errors.passwordsDiffer" });
    expect(body.values).toEqual({ name: "Eerste", email: "eerste@example.org", ...FIRST_REGION });
  });

  it("asks a register without a region for its first one and creates it with the beheerder, in one go", async () => {
    const page = await call(setupRoute.loader, get("/setup"));
    expect(await page.json()).toEqual({ needsRegion: true });
    const account = {
      name: "Eerste",
      email: "eerste@example.org",
      password: "een lang wachtwoord",
      passwordConfirm: "een lang wachtwoord",
    };
    const missing = await call(setupRoute.action, formRequest("/setup", { ...account, regionCode: "Zuid Limburg" }));
    expect(missing.status).toBe(400);
    const refused = await missing.json();
    expect(refused.errors).toEqual({ regionName: "common.form.required", regionCode: "regions.errors.codeFormat" });
    expect(refused.values).toMatchObject({ name: "Eerste", regionCode: "Zuid Limburg" });
    expect(await t.db.selectFrom("users").select("id").execute()).toEqual([]);

    const made = await call(
      setupRoute.action,
      formRequest("/setup", { ...account, ...FIRST_REGION, regionTagline: "Gezond Zuid-Limburg" }),
    );
    expect(made.status).toBe(302);
    const user = await t.db.selectFrom("users").select("id").executeTakeFirstOrThrow();
    expect(await t.db.selectFrom("regions").select(["name", "code", "tagline"]).execute()).toEqual([
      { name: "Zuid-Limburg", code: "zuid-limburg", tagline: "Gezond Zuid-Limburg" },
    ]);
    expect(
      await t.db
        .selectFrom("audit_log")
        .select(["entity", "action", "user_id", "summary"])
        .where("entity", "=", "regions")
        .execute(),
    ).toEqual([{ entity: "regions", action: "create", user_id: user.id, summary: "first_region" }]);
  });

  it("asks for no region when the register has one, and keeps it as it is", async () => {
    await t.db.insertInto("regions").values({ code: "regio", name: "Regio" }).execute();
    expect(await (await call(setupRoute.loader, get("/setup"))).json()).toEqual({ needsRegion: false });
    const response = await call(
      setupRoute.action,
      formRequest("/setup", {
        name: "Eerste",
        email: "eerste@example.org",
        password: "een lang wachtwoord",
        passwordConfirm: "een lang wachtwoord",
      }),
    );
    expect(response.status).toBe(302);
    expect(await t.db.selectFrom("regions").select("name").execute()).toEqual([{ name: "Regio" }]);
  });

  it("is a 404, for reading and for posting, once a user exists", async () => {
    await makeUser(t.db, { role: "lezer" });
    expect((await call(setupRoute.loader, get("/setup"))).status).toBe(404);
    const response = await call(
      setupRoute.action,
      formRequest("/setup", {
        name: "Indringer",
        email: "x@example.org",
        password: "een lang wachtwoord",
        passwordConfirm: "een lang wachtwoord",
      }),
    );
    expect(response.status).toBe(404);
    expect(await t.db.selectFrom("users").select("email").execute()).not.toContainEqual({ email: "x@example.org" });
  });
});

describe("/login", () => {
  it("shows the login page to a browser with a session cookie Kring did not write", async () => {
    await makeUser(t.db, { role: "lezer" });
    const response = await call(
      loginRoute.loader,
      new Request("http://localhost/login", { headers: { Cookie: "kring_session=%" } }),
    );
    expect(response.status).toBe(200);
  });

  it("sends someone already signed in to the overview", async () => {
    const { cookie } = await signedIn("lezer");
    const response = await call(loginRoute.loader, get("/login", cookie));
    expect(response.headers.get("Location")).toBe("/");
  });

  it("returns what was typed but never the password when refusing", async () => {
    await makeUser(t.db, { role: "lezer" });
    const response = await call(loginRoute.action, formRequest("/login", { email: "geen-adres", password: "geheim" }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      ok: false,
      values: { email: "geen-adres" },
      errors: { email: "auth.errors.emailInvalid" },
    });
  });
});

describe("pages behind the permission check", () => {
  it("send an anonymous visitor to the login page, remembering where they were going", async () => {
    const response = await call(usersRoute.loader, get("/beheer/gebruikers"));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?next=%2Fbeheer%2Fgebruikers");
    expect((await call(accountRoute.loader, get("/account"))).headers.get("Location")).toBe("/login?next=%2Faccount");
  });

  it("refuse a lezer the user administration, for reading and for posting", async () => {
    const { cookie, user } = await signedIn("lezer");
    expect((await call(usersRoute.loader, get("/beheer/gebruikers", cookie))).status).toBe(403);
    const add = await call(
      usersRoute.action,
      formRequest(
        "/beheer/gebruikers",
        { name: "X", email: "x@example.org", role_network: "beheerder", password: "een lang wachtwoord" },
        { cookie },
      ),
    );
    expect(add.status).toBe(403);
    expect(
      (await call(editUserRoute.loader, get(`/beheer/gebruikers/${user.id}`, cookie), { userId: String(user.id) }))
        .status,
    ).toBe(403);
    const promote = await call(
      editUserRoute.action,
      formRequest(
        `/beheer/gebruikers/${user.id}`,
        { intent: "save", version: 1, name: "Ik", role_network: "beheerder" },
        { cookie },
      ),
      { userId: String(user.id) },
    );
    expect(promote.status).toBe(403);
    expect(
      await t.db.selectFrom("user_roles").select(["region_id", "role"]).where("user_id", "=", user.id).execute(),
    ).toEqual([{ region_id: null, role: "lezer" }]);
  });

  it("refuse a redacteur the audit log", async () => {
    const { cookie } = await signedIn("redacteur");
    expect((await call(auditRoute.loader, get("/beheer/logboek", cookie))).status).toBe(403);
  });
});

describe("user administration", () => {
  it("adds a user and refuses an address that is taken, on the e-mail field", async () => {
    const { cookie } = await signedIn("beheerder");
    const fields = {
      name: "Dirk",
      email: "dirk@example.org",
      role_network: "onderzoeker",
      password: "dirk zijn wachtwoord",
    };
    const added = await call(usersRoute.action, formRequest("/beheer/gebruikers", fields, { cookie }));
    expect(added.status).toBe(302);
    const id = Number(/melding=toegevoegd&id=(\d+)/.exec(added.headers.get("Location") ?? "")?.[1]);
    const list = await (
      await call(usersRoute.loader, get(`/beheer/gebruikers?melding=toegevoegd&id=${id}`, cookie))
    ).json();
    expect(list.added).toBe("Dirk");
    expect(list.users.map((u: { email: string }) => u.email)).toContain("dirk@example.org");

    const again = await call(
      usersRoute.action,
      formRequest("/beheer/gebruikers", { ...fields, email: "DIRK@example.org" }, { cookie }),
    );
    expect(again.status).toBe(400);
    expect((await again.json()).errors).toEqual({ email: "admin.errors.emailTaken" });
  });

  it("blocks an account only when the confirmation box is ticked", async () => {
    const { cookie } = await signedIn("beheerder");
    const { user } = await makeUser(t.db, { role: "redacteur" });
    const params = { userId: String(user.id) };
    const path = `/beheer/gebruikers/${user.id}`;

    const unconfirmed = await call(
      editUserRoute.action,
      formRequest(path, { intent: "disable", version: user.version }, { cookie }),
      params,
    );
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.json()).toMatchObject({
      intent: "disable",
      errors: { confirm: "admin.errors.confirmDisable" },
    });

    const confirmed = await call(
      editUserRoute.action,
      formRequest(path, { intent: "disable", version: user.version, confirm: "on" }, { cookie }),
      params,
    );
    expect(confirmed.headers.get("Location")).toBe(`${path}?melding=geblokkeerd`);
    const page = await (await call(editUserRoute.loader, get(`${path}?melding=geblokkeerd`, cookie), params)).json();
    expect(page.user.disabled_at).not.toBeNull();
    expect(page.notice).toBe("geblokkeerd");
  });

  it("reports a stale edit as a conflict and shows the current record again", async () => {
    const { cookie } = await signedIn("beheerder");
    const { user } = await makeUser(t.db, { role: "lezer" });
    const params = { userId: String(user.id) };
    const path = `/beheer/gebruikers/${user.id}`;
    await call(
      editUserRoute.action,
      formRequest(path, { intent: "save", version: user.version, name: "Eerst", role_network: "lezer" }, { cookie }),
      params,
    );
    const stale = await call(
      editUserRoute.action,
      formRequest(
        path,
        { intent: "save", version: user.version, name: "Later", role_network: "redacteur" },
        { cookie },
      ),
      params,
    );
    expect(stale.status).toBe(409);
    expect(await stale.json()).toEqual({
      ok: false,
      intent: "save",
      values: {},
      errors: { _form: "admin.errors.staleVersion" },
    });
  });

  it("refuses to demote the last beheerder with a message on the form", async () => {
    const { cookie, user } = await signedIn("beheerder");
    const response = await call(
      editUserRoute.action,
      formRequest(
        `/beheer/gebruikers/${user.id}`,
        { intent: "save", version: user.version, name: user.name, role_network: "lezer" },
        { cookie },
      ),
      { userId: String(user.id) },
    );
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ _form: "admin.errors.lastBeheerder" });
  });

  it("answers 404 for a user that does not exist", async () => {
    const { cookie } = await signedIn("beheerder");
    expect((await call(editUserRoute.loader, get("/beheer/gebruikers/999", cookie), { userId: "999" })).status).toBe(
      404,
    );
    expect((await call(editUserRoute.loader, get("/beheer/gebruikers/abc", cookie), { userId: "abc" })).status).toBe(
      404,
    );
  });
});

describe("the audit log page", () => {
  it("filters by record and by user, and shows only the changed fields", async () => {
    const { cookie, user: admin } = await signedIn("beheerder");
    const { user: other } = await makeUser(t.db, { role: "lezer" });
    await call(
      editUserRoute.action,
      formRequest(
        `/beheer/gebruikers/${other.id}`,
        { intent: "save", version: other.version, name: "Hernoemd", role_network: "lezer" },
        { cookie },
      ),
      { userId: String(other.id) },
    );
    await call(
      usersRoute.action,
      formRequest(
        "/beheer/gebruikers",
        { name: "Nieuw", email: "nieuw@example.org", role_network: "lezer", password: "een lang wachtwoord" },
        { cookie },
      ),
    );

    const byRecord = await (
      await call(auditRoute.loader, get(`/beheer/logboek?soort=users&record=${other.id}`, cookie))
    ).json();
    expect(byRecord.entries).toHaveLength(1);
    expect(byRecord.entries[0]).toMatchObject({
      action: "update",
      user_id: admin.id,
      user_name: admin.name,
      changes: [{ field: "name", before: other.name, after: "Hernoemd" }],
    });
    expect(byRecord.entities).toEqual(["users"]);

    const byUser = await (await call(auditRoute.loader, get(`/beheer/logboek?gebruiker=${admin.id}`, cookie))).json();
    expect(byUser.entries).toHaveLength(2);
    expect(byUser.page).toMatchObject({ total: 2, page: 1 });
    const nobody = await (await call(auditRoute.loader, get(`/beheer/logboek?gebruiker=${other.id}`, cookie))).json();
    expect(nobody.entries).toEqual([]);
  });

  it("sends a page past the end back to the last page", async () => {
    const { cookie } = await signedIn("beheerder");
    const response = await call(auditRoute.loader, get("/beheer/logboek?soort=users&pagina=7", cookie));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/beheer/logboek?soort=users&pagina=1");
  });

  it("reads a page number too large for the database as the last page, not as an error", async () => {
    const { cookie } = await signedIn("beheerder");
    const response = await call(auditRoute.loader, get("/beheer/logboek?pagina=99999999999999999999", cookie));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/beheer/logboek?pagina=1");
  });
});

describe("my account", () => {
  it("changes the password, keeping this session and ending the others", async () => {
    const { user, password, cookie } = await signedIn("onderzoeker");
    const otherCookie = await sessionCookieFor(t.db, user.id);
    const response = await call(
      accountRoute.action,
      formRequest(
        "/account",
        {
          intent: "password",
          currentPassword: password,
          newPassword: "een nieuw lang wachtwoord",
          newPasswordConfirm: "een nieuw lang wachtwoord",
        },
        { cookie },
      ),
    );
    expect(response.headers.get("Location")).toBe("/account?melding=wachtwoord");
    const token = (c: string) => c.slice(`${SESSION_COOKIE}=`.length);
    expect(await validateSessionToken(t.db, token(cookie))).not.toBeNull();
    expect(await validateSessionToken(t.db, token(otherCookie))).toBeNull();
  });

  it("names the wrong current password on its field", async () => {
    const { cookie } = await signedIn("lezer");
    const response = await call(
      accountRoute.action,
      formRequest(
        "/account",
        {
          intent: "password",
          currentPassword: "geraden",
          newPassword: "een nieuw lang wachtwoord",
          newPasswordConfirm: "een nieuw lang wachtwoord",
        },
        { cookie },
      ),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      ok: false,
      intent: "password",
      values: { intent: "password" },
      errors: { currentPassword: "auth.errors.currentPasswordWrong" },
    });
  });

  it("throttles guesses of the current password as logins are, also for the right one meanwhile", async () => {
    const { password, cookie } = await signedIn("lezer");
    const attempt = (currentPassword: string) =>
      call(
        accountRoute.action,
        formRequest(
          "/account",
          {
            intent: "password",
            currentPassword,
            newPassword: "een nieuw lang wachtwoord",
            newPasswordConfirm: "een nieuw lang wachtwoord",
          },
          { cookie },
        ),
      );
    const statuses = [];
    for (let guess = 0; guess < 6; guess++) statuses.push((await attempt(`gok ${guess}`)).status);
    expect(statuses).toEqual([400, 400, 400, 400, 429, 429]);
    const refused = await attempt(password);
    expect(refused.status).toBe(429);
    expect((await refused.json()).errors.currentPassword).toMatch(/^auth\.errors\.throttled\?count=\d+$/);
  });

  it("saves the language preference on the account", async () => {
    const { cookie, user } = await signedIn("lezer");
    const response = await call(
      accountRoute.action,
      formRequest("/account", { intent: "language", language: "en" }, { cookie }),
    );
    expect(response.headers.get("Location")).toBe("/account?melding=taal");
    expect(response.headers.get("Set-Cookie")).toMatch(/^kring_lang=en;/);
    const page = await (await call(accountRoute.loader, get("/account?melding=taal", cookie))).json();
    expect(page).toEqual({
      account: {
        name: user.name,
        email: user.email,
        roles: [{ regionId: null, region: null, role: "lezer" }],
        language: "en",
      },
      notice: "taal",
    });
  });
});

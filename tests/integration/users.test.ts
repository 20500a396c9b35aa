import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { attemptLogin } from "../../app/auth/login.server";
import { createSession, generateSessionToken, validateSessionToken } from "../../app/auth/session.server";
import {
  changePassword,
  countUsers,
  createFirstBeheerder,
  createUser,
  getUser,
  listUsers,
  setUserLanguage,
  updateUser,
  UserError,
} from "../../app/models/users.server";
import type { UserRole } from "../../db/schema";
import { createTestDatabase, makeUser, type TestDatabase } from "../support/db";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

async function newSession(userId: number) {
  const token = generateSessionToken();
  const session = await createSession(t.db, token, userId);
  return { token, id: session.id };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UserError) return error.messageKey;
    throw error;
  }
  throw new Error("expected a refusal, but the change went through");
}

const networkWide = (role: UserRole) => [{ regionId: null, role }];
const namedNetworkWide = (role: UserRole) => [{ regionId: null, region: null, role }];

const auditRows = () => t.db.selectFrom("audit_log").selectAll().orderBy("id").execute();

describe("the first beheerder", () => {
  it("is created on an empty register, as a beheerder, and logged as a system change", async () => {
    const user = await createFirstBeheerder(t.db, {
      name: "Eerste",
      email: "Eerste@Example.org",
      password: "een lang wachtwoord",
    });
    expect(user).toMatchObject({ roles: namedNetworkWide("beheerder"), email: "eerste@example.org" });
    const [entry] = await auditRows();
    expect(entry).toMatchObject({
      action: "create",
      entity: "users",
      entity_id: String(user.id),
      user_id: null,
      summary: "first_setup",
    });
  });

  it("cannot be created once any user exists", async () => {
    await makeUser(t.db, { role: "lezer" });
    expect(
      await refusal(createFirstBeheerder(t.db, { name: "X", email: "x@example.org", password: "een lang wachtwoord" })),
    ).toBe("auth.errors.setupDone");
    expect(await countUsers(t.db)).toBe(1);
  });

  it("is created only once when two setups are submitted at the same moment", async () => {
    const results = await Promise.allSettled([
      createFirstBeheerder(t.db, { name: "A", email: "a@example.org", password: "een lang wachtwoord" }),
      createFirstBeheerder(t.db, { name: "B", email: "b@example.org", password: "nog een lang wachtwoord" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await countUsers(t.db)).toBe(1);
  });
});

describe("adding users", () => {
  it("stores the address in lower case and a hash, never the password", async () => {
    const { user: admin } = await makeUser(t.db, { role: "beheerder" });
    const user = await createUser(t.db, admin, {
      name: " Bram ",
      email: "Bram@Example.org",
      roles: networkWide("redacteur"),
      password: "bram zijn wachtwoord",
    });
    expect(user).toMatchObject({ name: "Bram", email: "bram@example.org", roles: namedNetworkWide("redacteur") });
    expect("password_hash" in user).toBe(false);
    const row = await t.db
      .selectFrom("users")
      .select("password_hash")
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(await attemptLogin(t.db, "bram@example.org", "bram zijn wachtwoord", "10.0.0.1")).toMatchObject({
      ok: true,
    });
  });

  it("refuses an address that is already taken, on the e-mail field", async () => {
    const { user: admin } = await makeUser(t.db, { role: "beheerder", email: "bezet@example.org" });
    const error = await createUser(t.db, admin, {
      name: "X",
      email: "BEZET@example.org",
      roles: networkWide("lezer"),
      password: "een lang wachtwoord",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ messageKey: "admin.errors.emailTaken", field: "email" });
  });

  it("refuses a password shorter than the minimum", async () => {
    const { user: admin } = await makeUser(t.db, { role: "beheerder" });
    expect(
      await refusal(
        createUser(t.db, admin, { name: "X", email: "x@example.org", roles: networkWide("lezer"), password: "kort" }),
      ),
    ).toMatch(/^auth\.errors\.passwordTooShort/);
  });

  it("lists active users before disabled ones, without password hashes", async () => {
    await makeUser(t.db, { role: "lezer", name: "Aaron", disabled: true });
    await makeUser(t.db, { role: "lezer", name: "Zoë" });
    const users = await listUsers(t.db);
    expect(users.map((u) => u.name)).toEqual(["Zoë", "Aaron"]);
    expect(users.some((u) => "password_hash" in u)).toBe(false);
  });
});

describe("changing a user", () => {
  it("changes name and role and moves the version on", async () => {
    const { user: admin } = await makeUser(t.db, { role: "beheerder" });
    const { user } = await makeUser(t.db, { role: "lezer" });
    const after = await updateUser(t.db, admin, user.id, {
      version: user.version,
      name: "Nieuwe naam",
      roles: networkWide("onderzoeker"),
    });
    expect(after).toMatchObject({
      name: "Nieuwe naam",
      roles: namedNetworkWide("onderzoeker"),
      version: user.version + 1,
    });
  });

  it("refuses a change based on a stale version", async () => {
    const { user: admin } = await makeUser(t.db, { role: "beheerder" });
    const { user } = await makeUser(t.db, { role: "lezer" });
    await updateUser(t.db, admin, user.id, { version: user.version, name: "Eerste wijziging" });
    expect(await refusal(updateUser(t.db, admin, user.id, { version: user.version, name: "Tweede wijziging" }))).toBe(
      "admin.errors.staleVersion",
    );
    expect((await getUser(t.db, user.id))?.name).toBe("Eerste wijziging");
  });

  it("refuses to demote or disable the last active beheerder", async () => {
    const { user: admin } = await makeUser(t.db, { role: "beheerder" });
    await makeUser(t.db, { role: "beheerder", disabled: true });
    expect(
      await refusal(updateUser(t.db, admin, admin.id, { version: admin.version, roles: networkWide("redacteur") })),
    ).toBe("admin.errors.lastBeheerder");
    const { user: other } = await makeUser(t.db, { role: "redacteur" });
    // another beheerder may not disable them either, once they are the last
    expect(await refusal(updateUser(t.db, other, admin.id, { version: admin.version, disabled: true }))).toBe(
      "admin.errors.lastBeheerder",
    );
    expect((await getUser(t.db, admin.id))?.roles).toEqual(namedNetworkWide("beheerder"));
  });

  it("lets a beheerder be demoted while another beheerder remains active", async () => {
    const { user: first } = await makeUser(t.db, { role: "beheerder" });
    const { user: second } = await makeUser(t.db, { role: "beheerder" });
    await updateUser(t.db, first, second.id, { version: second.version, roles: networkWide("lezer") });
    expect((await getUser(t.db, second.id))?.roles).toEqual(namedNetworkWide("lezer"));
  });

  it("does not let anyone disable their own account", async () => {
    const { user: first } = await makeUser(t.db, { role: "beheerder" });
    await makeUser(t.db, { role: "beheerder" });
    expect(await refusal(updateUser(t.db, first, first.id, { version: first.version, disabled: true }))).toBe(
      "admin.errors.selfDisable",
    );
  });

  it("ends every session of a user who is disabled, and they can no longer sign in", async () => {
    const { user: admin } = await makeUser(t.db, { role: "beheerder" });
    const { user, password } = await makeUser(t.db, { role: "redacteur", email: "r@example.org" });
    const phone = await newSession(user.id);
    const laptop = await newSession(user.id);
    const mine = await newSession(admin.id);

    const after = await updateUser(t.db, admin, user.id, { version: user.version, disabled: true });
    expect(after.disabled_at).not.toBeNull();
    expect(await validateSessionToken(t.db, phone.token)).toBeNull();
    expect(await validateSessionToken(t.db, laptop.token)).toBeNull();
    expect(await validateSessionToken(t.db, mine.token)).not.toBeNull();
    expect(await attemptLogin(t.db, "r@example.org", password, "10.0.0.1")).toEqual({ ok: false, reason: "invalid" });

    const enabled = await updateUser(t.db, admin, user.id, { version: after.version, disabled: false });
    expect(enabled.disabled_at).toBeNull();
    expect(await attemptLogin(t.db, "r@example.org", password, "10.0.0.1")).toMatchObject({ ok: true });
  });
});

describe("a changed role", () => {
  it("ends every session of the user, who signs in again under the new role; a name change ends none", async () => {
    const { user: admin } = await makeUser(t.db, { role: "beheerder" });
    const { user, password } = await makeUser(t.db, { role: "redacteur", email: "rol@example.org" });
    const phone = await newSession(user.id);
    const mine = await newSession(admin.id);

    const renamed = await updateUser(t.db, admin, user.id, { version: user.version, name: "Rosa Redacteur" });
    expect(await validateSessionToken(t.db, phone.token)).not.toBeNull();

    const demoted = await updateUser(t.db, admin, user.id, { version: renamed.version, roles: networkWide("lezer") });
    expect(demoted.roles).toEqual(namedNetworkWide("lezer"));
    expect(await validateSessionToken(t.db, phone.token)).toBeNull();
    expect(await validateSessionToken(t.db, mine.token)).not.toBeNull();
    const again = await attemptLogin(t.db, "rol@example.org", password, "10.0.0.2");
    expect(again).toMatchObject({ ok: true });
  });
});

describe("changing one's own password", () => {
  it("ends the user's other sessions but keeps the current one", async () => {
    const { user, password } = await makeUser(t.db, { role: "lezer", email: "l@example.org" });
    const current = await newSession(user.id);
    const other = await newSession(user.id);
    const { user: someoneElse } = await makeUser(t.db, { role: "lezer" });
    const theirs = await newSession(someoneElse.id);

    await changePassword(t.db, user, {
      userId: user.id,
      sessionId: current.id,
      currentPassword: password,
      newPassword: "een nieuw lang wachtwoord",
    });

    expect(await validateSessionToken(t.db, current.token)).not.toBeNull();
    expect(await validateSessionToken(t.db, other.token)).toBeNull();
    expect(await validateSessionToken(t.db, theirs.token)).not.toBeNull();
    expect(await attemptLogin(t.db, "l@example.org", password, "10.0.0.1")).toEqual({ ok: false, reason: "invalid" });
    expect(await attemptLogin(t.db, "l@example.org", "een nieuw lang wachtwoord", "10.0.0.1")).toMatchObject({
      ok: true,
    });
  });

  it("requires the current password, and then changes nothing", async () => {
    const { user, password } = await makeUser(t.db, { role: "lezer", email: "l@example.org" });
    const current = await newSession(user.id);
    const other = await newSession(user.id);
    const error = await changePassword(t.db, user, {
      userId: user.id,
      sessionId: current.id,
      currentPassword: "geraden",
      newPassword: "een nieuw lang wachtwoord",
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ messageKey: "auth.errors.currentPasswordWrong", field: "currentPassword" });
    expect(await validateSessionToken(t.db, other.token)).not.toBeNull();
    expect(await attemptLogin(t.db, "l@example.org", password, "10.0.0.1")).toMatchObject({ ok: true });
  });

  it("refuses a new password shorter than the minimum", async () => {
    const { user, password } = await makeUser(t.db, { role: "lezer" });
    const current = await newSession(user.id);
    expect(
      await refusal(
        changePassword(t.db, user, {
          userId: user.id,
          sessionId: current.id,
          currentPassword: password,
          newPassword: "kort",
        }),
      ),
    ).toMatch(/^auth\.errors\.passwordTooShort/);
  });
});

describe("the audit log of account changes", () => {
  it("has an entry with before and after for every change, and never a password hash", async () => {
    const { user: admin, password: adminPassword } = await makeUser(t.db, { role: "beheerder" });
    const session = await newSession(admin.id);
    const user = await createUser(t.db, admin, {
      name: "Carla",
      email: "carla@example.org",
      roles: networkWide("lezer"),
      password: "carla haar wachtwoord",
    });
    const renamed = await updateUser(t.db, admin, user.id, { version: user.version, name: "Carla B." });
    const disabled = await updateUser(t.db, admin, user.id, { version: renamed.version, disabled: true });
    await updateUser(t.db, admin, user.id, { version: disabled.version, disabled: false });
    await changePassword(t.db, admin, {
      userId: admin.id,
      sessionId: session.id,
      currentPassword: adminPassword,
      newPassword: "het nieuwe wachtwoord",
    });
    await setUserLanguage(t.db, admin, admin.id, "en");

    const entries = await auditRows();
    expect(entries.map((e) => [e.action, e.entity, e.entity_id, e.user_id, e.summary])).toEqual([
      ["create", "users", String(user.id), admin.id, null],
      ["update", "users", String(user.id), admin.id, null],
      ["update", "users", String(user.id), admin.id, "disabled"],
      ["update", "users", String(user.id), admin.id, "enabled"],
      ["update", "users", String(admin.id), admin.id, "password_changed"],
      ["update", "users", String(admin.id), admin.id, null],
    ]);
    expect(entries[0]!.before).toBeNull();
    expect(JSON.parse(entries[0]!.after!)).toMatchObject({ name: "Carla", roles: [{ region: null, role: "lezer" }] });
    expect(JSON.parse(entries[1]!.before!)).toMatchObject({ name: "Carla" });
    expect(JSON.parse(entries[1]!.after!)).toMatchObject({ name: "Carla B." });
    for (const entry of entries) {
      for (const snapshot of [entry.before, entry.after]) {
        expect(snapshot ?? "").not.toContain("password_hash");
        expect(snapshot ?? "").not.toContain("$argon2");
      }
    }
  });

  it("has no entry for a change that changes nothing", async () => {
    const { user: admin } = await makeUser(t.db, { role: "beheerder" });
    const { user } = await makeUser(t.db, { role: "lezer" });
    await updateUser(t.db, admin, user.id, {
      version: user.version,
      name: user.name,
      roles: networkWide("lezer"),
      disabled: false,
    });
    expect(await auditRows()).toEqual([]);
  });

  it("rolls the change back when it is refused, leaving no entry", async () => {
    const { user: admin } = await makeUser(t.db, { role: "beheerder" });
    await refusal(updateUser(t.db, admin, admin.id, { version: admin.version, roles: networkWide("lezer") }));
    expect(await auditRows()).toEqual([]);
  });
});

import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { requirePermission } from "../../app/auth/guard.server";
import { can, type Permission, PERMISSIONS } from "../../app/auth/permissions";
import { currentRegion } from "../../app/auth/region.server";
import { validateSessionToken } from "../../app/auth/session.server";
import { createUser, getUser, listUsers, updateUser, UserError } from "../../app/models/users.server";
import * as newBodyRoute from "../../app/routes/gremia.nieuw";
import * as regionRoute from "../../app/routes/regio";
import * as editUserRoute from "../../app/routes/beheer.gebruikers.$userId";
import * as usersRoute from "../../app/routes/beheer.gebruikers._index";
import { type DB, migrateToLatest, migrator, openDatabase } from "../../db/index";
import { USER_ROLES, type UserRole } from "../../db/schema";
import {
  createTestDatabase,
  formRequest,
  makeUser,
  sessionCookieFor,
  testContext,
  type TestDatabase,
  unique,
} from "../support/db";
import { call, get } from "../support/routes";
import { emptyDatabase, type FreshDatabase, REFUSED } from "../support/test-database";

async function makeRegion(db: DB, name: string) {
  return db
    .insertInto("regions")
    .values({ code: `regio-${unique()}`, name })
    .returningAll()
    .executeTakeFirstOrThrow();
}

describe("migration 0021 on a register in use", () => {
  let empty: FreshDatabase;
  let db: DB;
  beforeEach(async () => {
    empty = await emptyDatabase();
    db = openDatabase(empty.target);
    expect((await migrator(db).migrateTo("0018_interview_samples")).error).toBeUndefined();
  });
  afterEach(async () => {
    await db.destroy();
    await empty.drop();
  });

  it("makes every user's role their network-wide role, so each keeps exactly their permissions", async () => {
    const ids = new Map<UserRole, number>();
    for (const role of USER_ROLES) {
      const { rows } = await sql<{ id: number }>`insert into users (email, name, password_hash, role)
        values (${`${role}@example.org`}, ${role}, 'x', ${role}) returning id`.execute(db);
      ids.set(role, rows[0]!.id);
    }
    expect(await migrateToLatest(db, empty.target)).toContain("0021_user_roles");

    const columns = (await db.introspection.getTables()).find((table) => table.name === "users")!.columns;
    expect(columns.map((column) => column.name)).not.toContain("role");
    for (const role of USER_ROLES) {
      const roles = await db
        .selectFrom("user_roles")
        .select(["region_id", "role"])
        .where("user_id", "=", ids.get(role)!)
        .execute();
      expect(roles).toEqual([{ region_id: null, role }]);
      const user = { roles: roles.map((row) => ({ regionId: row.region_id, role: row.role })) };
      for (const permission of Object.keys(PERMISSIONS) as Permission[])
        expect(can(user, permission), `${role} ${permission}`).toBe(
          (PERMISSIONS[permission] as readonly UserRole[]).includes(role),
        );
    }
  });
});

describe("roles per region", () => {
  let t: TestDatabase;
  let zuid: { id: number; name: string };
  let noord: { id: number; name: string };
  beforeEach(async () => {
    t = await createTestDatabase();
    zuid = await makeRegion(t.db, "Zuid-Limburg");
    noord = await makeRegion(t.db, "Noord- en Midden-Limburg");
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it("allows one network-wide role and one role per region, no more", async () => {
    const { user } = await makeUser(t.db, { role: "lezer", regionRoles: { [zuid.id]: "redacteur" } });
    await expect(
      t.db.insertInto("user_roles").values({ user_id: user.id, region_id: null, role: "beheerder" }).execute(),
    ).rejects.toThrow(REFUSED.unique);
    await expect(
      t.db.insertInto("user_roles").values({ user_id: user.id, region_id: zuid.id, role: "lezer" }).execute(),
    ).rejects.toThrow(REFUSED.unique);
    await t.db.insertInto("user_roles").values({ user_id: user.id, region_id: noord.id, role: "lezer" }).execute();
  });

  it("carries the roles in the session: a regional redacteur edits in their region only", async () => {
    const { user } = await makeUser(t.db, { role: "lezer", regionRoles: { [zuid.id]: "redacteur" } });
    const cookie = await sessionCookieFor(t.db, user.id);
    const session = await validateSessionToken(t.db, cookie.split("=")[1]!);
    if (!session || "endedIdle" in session) throw new Error("no session");
    expect(session.user.roles).toEqual(
      expect.arrayContaining([
        { regionId: null, role: "lezer" },
        { regionId: zuid.id, role: "redacteur" },
      ]),
    );
    const request = get("/", cookie);
    const context = testContext(t.db);
    await expect(requirePermission(request, context, "register.edit", { regionId: zuid.id })).resolves.toMatchObject({
      id: user.id,
    });
    const refused = await requirePermission(request, context, "register.edit", { regionId: noord.id }).catch(
      (thrown: unknown) => thrown,
    );
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(403);
    const network = await requirePermission(request, context, "register.edit", { region: "network" }).catch(
      (thrown: unknown) => thrown,
    );
    expect((network as Response).status).toBe(403);
  });

  it("lists roles in words and keeps them with the user, audited", async () => {
    const { user: admin } = await makeUser(t.db, { role: "beheerder" });
    const made = await createUser(t.db, admin, {
      name: "Roos",
      email: "roos@example.org",
      password: "roos haar wachtwoord",
      roles: [
        { regionId: zuid.id, role: "redacteur" },
        { regionId: null, role: "lezer" },
      ],
    });
    expect((await listUsers(t.db)).find((u) => u.id === made.id)!.roles).toEqual([
      { regionId: null, region: null, role: "lezer" },
      { regionId: zuid.id, region: "Zuid-Limburg", role: "redacteur" },
    ]);
    const after = await updateUser(t.db, admin, made.id, {
      version: made.version,
      roles: [{ regionId: noord.id, role: "onderzoeker" }],
    });
    expect(after.roles).toEqual([{ regionId: noord.id, region: "Noord- en Midden-Limburg", role: "onderzoeker" }]);
    const entry = await t.db
      .selectFrom("audit_log")
      .selectAll()
      .where("entity_id", "=", String(made.id))
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.before!).roles).toEqual([
      { region: null, role: "lezer" },
      { region: "Zuid-Limburg", role: "redacteur" },
    ]);
    expect(JSON.parse(entry.after!).roles).toEqual([{ region: "Noord- en Midden-Limburg", role: "onderzoeker" }]);

    const noRole = await updateUser(t.db, admin, made.id, { version: after.version, roles: [] }).catch((e) => e);
    expect(noRole).toMatchObject({ messageKey: "userRoles.errors.noRole" });
  });

  it("keeps the last network-wide beheerder: a regional beheerder does not count", async () => {
    const { user: admin } = await makeUser(t.db, { role: "beheerder" });
    await makeUser(t.db, { regionRoles: { [zuid.id]: "beheerder" } });
    const refused = await updateUser(t.db, admin, admin.id, {
      version: admin.version,
      roles: [{ regionId: zuid.id, role: "beheerder" }],
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UserError);
    expect(refused).toMatchObject({ messageKey: "admin.errors.lastBeheerder" });
    expect((await getUser(t.db, admin.id))!.roles).toEqual([{ regionId: null, region: null, role: "beheerder" }]);
  });

  it("gives a user a role per region from the user pages, and refuses the page to a regional beheerder", async () => {
    const { user: admin } = await makeUser(t.db, { role: "beheerder" });
    const cookie = await sessionCookieFor(t.db, admin.id);
    const added = await call(
      t.db,
      usersRoute.action,
      formRequest(
        "/beheer/gebruikers",
        {
          name: "Ria",
          email: "ria@example.org",
          password: "ria haar wachtwoord",
          role_network: "",
          [`role_region_${zuid.id}`]: "redacteur",
          [`role_region_${noord.id}`]: "",
        },
        { cookie },
      ),
    );
    expect(added.status).toBe(302);
    const ria = (await listUsers(t.db)).find((u) => u.email === "ria@example.org")!;
    expect(ria.roles).toEqual([{ regionId: zuid.id, region: "Zuid-Limburg", role: "redacteur" }]);

    const none = await call(
      t.db,
      editUserRoute.action,
      formRequest(`/beheer/gebruikers/${ria.id}`, { intent: "save", version: ria.version, name: "Ria" }, { cookie }),
      { userId: String(ria.id) },
    );
    expect(none.status).toBe(400);
    expect(await none.json()).toMatchObject({
      errors: { role_network: "userRoles.errors.noRole" },
      values: { name: "Ria" },
    });

    const { user: regional } = await makeUser(t.db, { regionRoles: { [zuid.id]: "beheerder" } });
    const regionalCookie = await sessionCookieFor(t.db, regional.id);
    expect((await call(t.db, usersRoute.loader, get("/beheer/gebruikers", regionalCookie))).status).toBe(403);
  });
});

describe("the current region and its switcher", () => {
  let t: TestDatabase;
  let zuid: { id: number; name: string };
  let noord: { id: number; name: string };
  let other: { id: number; name: string };
  beforeEach(async () => {
    t = await createTestDatabase();
    zuid = await makeRegion(t.db, "Zuid-Limburg");
    noord = await makeRegion(t.db, "Noord- en Midden-Limburg");
    other = await makeRegion(t.db, "Westelijk Gebied");
  });
  afterEach(async () => {
    await t.cleanup();
  });

  const choose = (cookie: string, regio: string) =>
    call(t.db, regionRoute.action, formRequest("/regio", { regio, redirectTo: "/gremia/nieuw" }, { cookie }));
  const newBodyPage = (cookie: string) => call(t.db, newBodyRoute.loader, get("/gremia/nieuw", cookie));
  const regionOf = (cookie: string) => currentRegion(get("/", cookie), testContext(t.db));

  it("asks a 'current' permission in the chosen region, remembered on the session, without JavaScript", async () => {
    const { user } = await makeUser(t.db, { regionRoles: { [zuid.id]: "lezer", [noord.id]: "redacteur" } });
    const cookie = await sessionCookieFor(t.db, user.id);
    // the first of their regions by name
    expect(await regionOf(cookie)).toMatchObject({ id: noord.id, name: "Noord- en Midden-Limburg" });
    expect((await newBodyPage(cookie)).status).not.toBe(403);

    const chosen = await choose(cookie, String(zuid.id));
    expect(chosen.status).toBe(302);
    expect(chosen.headers.get("Location")).toBe("/gremia/nieuw");
    expect(await regionOf(cookie)).toMatchObject({ id: zuid.id, name: "Zuid-Limburg" });
    expect((await newBodyPage(cookie)).status).toBe(403);

    // another session of the same user starts at the default again
    const laptop = await sessionCookieFor(t.db, user.id);
    expect(await regionOf(laptop)).toMatchObject({ id: noord.id, name: "Noord- en Midden-Limburg" });
  });

  it("refuses a region without a role, and the cross-region view without a network-wide role", async () => {
    const { user } = await makeUser(t.db, { regionRoles: { [zuid.id]: "redacteur" } });
    const cookie = await sessionCookieFor(t.db, user.id);
    expect((await choose(cookie, String(other.id))).status).toBe(403);
    expect((await choose(cookie, "alle")).status).toBe(403);
    expect((await choose(cookie, "999999")).status).toBe(403);
    expect((await choose(cookie, "Zuid-Limburg")).headers.get("Location")).toBe("/gremia/nieuw");
    expect(await regionOf(cookie)).toMatchObject({ id: zuid.id, name: "Zuid-Limburg" });
  });

  it("opens the cross-region view to a network-wide role, which holds there and in every region", async () => {
    const { user } = await makeUser(t.db, { role: "redacteur" });
    const cookie = await sessionCookieFor(t.db, user.id);
    expect((await choose(cookie, String(other.id))).status).toBe(302);
    expect(await regionOf(cookie)).toMatchObject({ id: other.id, name: "Westelijk Gebied" });
    expect((await choose(cookie, "alle")).status).toBe(302);
    expect(await regionOf(cookie)).toBe("all");
    expect((await newBodyPage(cookie)).status).not.toBe(403);

    const { user: reader } = await makeUser(t.db, { role: "lezer", regionRoles: { [zuid.id]: "redacteur" } });
    const readerCookie = await sessionCookieFor(t.db, reader.id);
    await choose(readerCookie, "alle");
    // across regions only the network-wide role counts: a lezer there
    expect((await newBodyPage(readerCookie)).status).toBe(403);
    await choose(readerCookie, String(zuid.id));
    expect((await newBodyPage(readerCookie)).status).not.toBe(403);
  });
});

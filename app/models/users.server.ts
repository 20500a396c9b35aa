import type { DB } from "../../db/index";
import { inTransaction } from "../../db/transaction";
import type { Language, User, UserRole } from "../../db/schema";
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "../auth/password.server";
import type { RoleGrant } from "../auth/permissions";
import { messageKey } from "../services/form-data";
import { type Actor, recordAudit, type Trx } from "./audit.server";
import { insertAudited } from "./editing.server";
import type { RegionFields } from "./regions.server";
import type { Message } from "../i18n/keys";

/**
 * Accounts: who may sign in, with which roles — one network-wide and one per region at most
 * (decision 042). Every change writes the audit log in the same transaction, the roles as part of
 * the user's entry; the password hash never leaves this module except to the login check.
 */

/** A refusal the user can act on; `messageKey` is a translation key, `field` the form field it concerns. */
export class UserError extends Error {
  constructor(
    readonly messageKey: Message,
    readonly field?: string,
  ) {
    super(messageKey);
    this.name = "UserError";
  }
}

/** One of a user's roles as pages show it: with its region's name (null: network-wide). */
export interface UserRoleInRegion extends RoleGrant {
  region: string | null;
}

/** A user as pages see it: everything but the password hash, with their roles. */
export type PublicUser = Omit<User, "password_hash"> & { roles: UserRoleInRegion[] };

const PUBLIC_COLUMNS = [
  "id",
  "email",
  "name",
  "language",
  "disabled_at",
  "version",
  "created_at",
  "updated_at",
] as const satisfies readonly (keyof PublicUser)[];

const normaliseEmail = (email: string) => email.trim().toLowerCase();
const nowIso = () => new Date().toISOString();

export async function countUsers(db: DB): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The full row, hash included: for the login check only. */
export async function findUserByEmail(db: DB, email: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("email", "=", normaliseEmail(email)).executeTakeFirst();
}

/** The roles of these users, with their regions' names: the network-wide role first, then by region name. */
async function rolesOf(db: DB | Trx, userIds: readonly number[]): Promise<Map<number, UserRoleInRegion[]>> {
  const byUser = new Map<number, UserRoleInRegion[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom("user_roles")
    .leftJoin("regions", "regions.id", "user_roles.region_id")
    .select(["user_roles.user_id", "user_roles.region_id", "user_roles.role", "regions.name"])
    .where("user_roles.user_id", "in", userIds)
    .orderBy((eb) => eb.case().when("user_roles.region_id", "is", null).then(0).else(1).end())
    .orderBy("regions.name")
    .execute();
  for (const row of rows) byUser.get(row.user_id)!.push({ regionId: row.region_id, region: row.name, role: row.role });
  return byUser;
}

const accountsInListOrder = (db: DB) =>
  db
    .selectFrom("users")
    .select(PUBLIC_COLUMNS)
    .orderBy((eb) => eb.case().when("disabled_at", "is", null).then(0).else(1).end())
    .orderBy("name")
    .execute();

/** Every account's id and name, in the list's order: for choosing a user, where roles do not matter. */
export async function listUserNames(db: DB): Promise<{ id: number; name: string }[]> {
  return (await accountsInListOrder(db)).map(({ id, name }) => ({ id, name }));
}

/** Every account, active ones first, then by name. */
export async function listUsers(db: DB): Promise<PublicUser[]> {
  const users = await accountsInListOrder(db);
  const roles = await rolesOf(
    db,
    users.map((user) => user.id),
  );
  return users.map((user) => ({ ...user, roles: roles.get(user.id)! }));
}

export async function getUser(db: DB, id: number): Promise<PublicUser | undefined> {
  const user = await db.selectFrom("users").select(PUBLIC_COLUMNS).where("id", "=", id).executeTakeFirst();
  return user && { ...user, roles: (await rolesOf(db, [id])).get(id)! };
}

export interface NewUserInput {
  name: string;
  email: string;
  /** at least one: network-wide (`regionId` null) and/or per region, one role each */
  roles: readonly RoleGrant[];
  password: string;
}

/** The roles as the audit log keeps them: with the region's name, so the entry reads without a lookup. */
const auditedRoles = (roles: readonly UserRoleInRegion[]) =>
  roles.map(({ region, role }) => ({ region: region ?? null, role }));

/** Refuses no role at all, two roles in one place, or a region that is not there. */
async function checkRoles(trx: Trx, roles: readonly RoleGrant[]): Promise<void> {
  if (roles.length === 0) throw new UserError("userRoles.errors.noRole", "roles");
  const places = roles.map(({ regionId }) => regionId);
  if (new Set(places).size !== places.length) throw new UserError("userRoles.errors.regionUnknown", "roles");
  const regionIds = places.filter((id): id is number => id !== null);
  if (regionIds.length === 0) return;
  const found = await trx.selectFrom("regions").select("id").where("id", "in", regionIds).execute();
  if (found.length !== regionIds.length) throw new UserError("userRoles.errors.regionUnknown", "roles");
}

async function writeRoles(trx: Trx, userId: number, roles: readonly RoleGrant[]): Promise<UserRoleInRegion[]> {
  await trx.deleteFrom("user_roles").where("user_id", "=", userId).execute();
  await trx
    .insertInto("user_roles")
    .values(roles.map(({ regionId, role }) => ({ user_id: userId, region_id: regionId, role })))
    .execute();
  return (await rolesOf(trx, [userId])).get(userId)!;
}

async function insertUser(trx: Trx, actor: Actor | null, input: NewUserInput, passwordHash: string, summary?: string) {
  const email = normaliseEmail(input.email);
  const taken = await trx.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
  if (taken) throw new UserError("admin.errors.emailTaken", "email");
  await checkRoles(trx, input.roles);
  const user = await trx
    .insertInto("users")
    .values({ name: input.name.trim(), email, password_hash: passwordHash })
    .returningAll()
    .executeTakeFirstOrThrow();
  const roles = await writeRoles(trx, user.id, input.roles);
  await recordAudit(trx, actor, {
    action: "create",
    entity: "users",
    entityId: user.id,
    after: { ...user, roles: auditedRoles(roles) },
    summary,
  });
  return withoutHash(user, roles);
}

function withoutHash({ password_hash: _hash, ...user }: User, roles: UserRoleInRegion[]): PublicUser {
  return { ...user, roles };
}

const PASSWORD_TOO_SHORT = messageKey("auth.errors.passwordTooShort", { min: MIN_PASSWORD_LENGTH });

function checkPasswordLength(password: string, field = "password") {
  if (password.length < MIN_PASSWORD_LENGTH) throw new UserError(PASSWORD_TOO_SHORT, field);
}

/** A new account, added by a beheerder. */
export async function createUser(db: DB, actor: Actor, input: NewUserInput): Promise<PublicUser> {
  checkPasswordLength(input.password);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, (trx) => insertUser(trx, actor, input, passwordHash));
}

/**
 * The very first account, made on /setup: a beheerder. The check that nobody exists yet runs
 * inside the transaction that inserts, so two simultaneous setups cannot both succeed. A register
 * without a region gets its first one in the same transaction (decision 049), made by that
 * beheerder: a new install can make bodies at once. A region that is there already is kept.
 */
export async function createFirstBeheerder(
  db: DB,
  input: Omit<NewUserInput, "roles">,
  firstRegion: RegionFields | null = null,
): Promise<PublicUser> {
  checkPasswordLength(input.password);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (trx) => {
    const existing = await trx.selectFrom("users").select("id").limit(1).executeTakeFirst();
    if (existing) throw new UserError("auth.errors.setupDone");
    const user = await insertUser(
      trx,
      null,
      { ...input, roles: [{ regionId: null, role: "beheerder" }] },
      passwordHash,
      "first_setup",
    );
    const anyRegion = await trx.selectFrom("regions").select("id").limit(1).executeTakeFirst();
    if (firstRegion && !anyRegion) {
      await insertAudited(
        trx,
        user,
        "regions",
        { ...firstRegion, updated_at: new Date().toISOString() },
        {
          summary: "first_region",
        },
      );
    }
    return user;
  });
}

export interface UserChanges {
  /** the version the editor saw; the change is refused when the record moved on since */
  version: number;
  name?: string;
  /** all of the user's roles after the change */
  roles?: readonly RoleGrant[];
  disabled?: boolean;
}

/** Network-wide beheerders other than this user who can still sign in: who manages the accounts. */
async function otherActiveNetworkBeheerders(trx: Trx, userId: number): Promise<number> {
  const row = await trx
    .selectFrom("users")
    .innerJoin("user_roles", "user_roles.user_id", "users.id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_roles.region_id", "is", null)
    .where("user_roles.role", "=", "beheerder")
    .where("users.disabled_at", "is", null)
    .where("users.id", "<>", userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const networkRoleIn = (roles: readonly RoleGrant[]): UserRole | null =>
  roles.find(({ regionId }) => regionId === null)?.role ?? null;

const sameRoles = (a: readonly RoleGrant[], b: readonly RoleGrant[]) => {
  const key = (roles: readonly RoleGrant[]) =>
    roles
      .map(({ regionId, role }) => `${regionId ?? "network"}:${role}`)
      .sort()
      .join(",");
  return key(a) === key(b);
};

/**
 * Changes name, roles and/or blocked state, if nobody changed the user since `version`.
 * Disabling the user or changing their roles ends every session of the user; the last active
 * network-wide beheerder cannot lose that role or be disabled, and nobody can disable their own account.
 */
export async function updateUser(db: DB, actor: Actor, userId: number, changes: UserChanges): Promise<PublicUser> {
  return inTransaction(db, async (trx) => {
    const before = await trx.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirst();
    if (!before) throw new UserError("admin.errors.notFound");
    if (before.version !== changes.version) throw new UserError("admin.errors.staleVersion");

    const rolesBefore = (await rolesOf(trx, [userId])).get(userId)!;
    const name = changes.name?.trim() ?? before.name;
    const roles = changes.roles ?? rolesBefore;
    if (changes.roles) await checkRoles(trx, changes.roles);
    const disable = changes.disabled ?? before.disabled_at !== null;
    if (disable && !before.disabled_at && actor.id === userId) throw new UserError("admin.errors.selfDisable");

    const staysActiveBeheerder = networkRoleIn(roles) === "beheerder" && !disable;
    const isActiveBeheerder = networkRoleIn(rolesBefore) === "beheerder" && before.disabled_at === null;
    if (isActiveBeheerder && !staysActiveBeheerder && (await otherActiveNetworkBeheerders(trx, userId)) === 0) {
      throw new UserError("admin.errors.lastBeheerder");
    }

    const rolesChanged = !sameRoles(roles, rolesBefore);
    const disabled_at = disable ? (before.disabled_at ?? nowIso()) : null;
    if (name === before.name && !rolesChanged && disabled_at === before.disabled_at)
      return withoutHash(before, rolesBefore);

    const after = await trx
      .updateTable("users")
      .set((eb) => ({ name, disabled_at, version: eb("version", "+", 1), updated_at: nowIso() }))
      .where("id", "=", userId)
      .where("version", "=", changes.version)
      .returningAll()
      .executeTakeFirst();
    if (!after) throw new UserError("admin.errors.staleVersion");
    const rolesAfter = rolesChanged ? await writeRoles(trx, userId, roles) : rolesBefore;

    const justDisabled = !before.disabled_at && after.disabled_at;
    const justEnabled = before.disabled_at && !after.disabled_at;
    // new roles start with a new sign-in: no session carries on what the old roles were trusted with
    if (justDisabled || rolesChanged) {
      await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
    }
    await recordAudit(trx, actor, {
      action: "update",
      entity: "users",
      entityId: userId,
      before: { ...before, roles: auditedRoles(rolesBefore) },
      after: { ...after, roles: auditedRoles(rolesAfter) },
      summary: justDisabled ? "disabled" : justEnabled ? "enabled" : null,
    });
    return withoutHash(after, rolesAfter);
  });
}

export interface PasswordChange {
  userId: number;
  /** the session making the change: it stays, every other session of the user ends */
  sessionId: string;
  currentPassword: string;
  newPassword: string;
}

/** The signed-in user's new password, after proving the current one. */
export async function changePassword(db: DB, actor: Actor, change: PasswordChange): Promise<void> {
  const user = await db.selectFrom("users").selectAll().where("id", "=", change.userId).executeTakeFirst();
  if (!user || user.disabled_at) throw new UserError("admin.errors.notFound");
  if (!(await verifyPassword(user.password_hash, change.currentPassword))) {
    throw new UserError("auth.errors.currentPasswordWrong", "currentPassword");
  }
  checkPasswordLength(change.newPassword, "newPassword");
  if (change.newPassword === change.currentPassword) throw new UserError("auth.errors.samePassword", "newPassword");
  const passwordHash = await hashPassword(change.newPassword);

  await inTransaction(db, async (trx) => {
    const before = await trx.selectFrom("users").selectAll().where("id", "=", change.userId).executeTakeFirstOrThrow();
    // Changed by another request between the check and now: the proof no longer holds.
    if (before.password_hash !== user.password_hash)
      throw new UserError("auth.errors.currentPasswordWrong", "currentPassword");
    const after = await trx
      .updateTable("users")
      .set((eb) => ({ password_hash: passwordHash, version: eb("version", "+", 1), updated_at: nowIso() }))
      .where("id", "=", change.userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.deleteFrom("sessions").where("user_id", "=", change.userId).where("id", "<>", change.sessionId).execute();
    await recordAudit(trx, actor, {
      action: "update",
      entity: "users",
      entityId: change.userId,
      before,
      after,
      summary: "password_changed",
    });
  });
}

/** Remembers a user's language choice (a change to their account, so it is logged like any other). */
export async function setUserLanguage(db: DB, actor: Actor, userId: number, language: Language) {
  await inTransaction(db, async (trx) => {
    const before = await trx.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirstOrThrow();
    if (before.language === language) return;
    const after = await trx
      .updateTable("users")
      .set((eb) => ({ language, version: eb("version", "+", 1), updated_at: new Date().toISOString() }))
      .where("id", "=", userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: "update", entity: "users", entityId: userId, before, after });
  });
}

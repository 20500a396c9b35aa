import type { DB } from "../../db/index";
import { inTransaction } from "../../db/transaction";
import type { Language, User, UserRole } from "../../db/schema";
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "../auth/password.server";
import { messageKey } from "../services/form-data";
import { type Actor, recordAudit, type Trx } from "./audit.server";
import type { Message } from "../i18n/keys";

/**
 * Accounts: who may sign in, with which role. Every change writes the audit log in the same
 * transaction; the password hash never leaves this module except to the login check.
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

/** A user as pages see it: everything but the password hash. */
export type PublicUser = Omit<User, "password_hash">;

const PUBLIC_COLUMNS = [
  "id",
  "email",
  "name",
  "role",
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

/** Every account, active ones first, then by name. */
export async function listUsers(db: DB): Promise<PublicUser[]> {
  return db
    .selectFrom("users")
    .select(PUBLIC_COLUMNS)
    .orderBy((eb) => eb.case().when("disabled_at", "is", null).then(0).else(1).end())
    .orderBy("name")
    .execute();
}

export async function getUser(db: DB, id: number): Promise<PublicUser | undefined> {
  return db.selectFrom("users").select(PUBLIC_COLUMNS).where("id", "=", id).executeTakeFirst();
}

export interface NewUserInput {
  name: string;
  email: string;
  role: UserRole;
  password: string;
}

async function insertUser(trx: Trx, actor: Actor | null, input: NewUserInput, passwordHash: string, summary?: string) {
  const email = normaliseEmail(input.email);
  const taken = await trx.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
  if (taken) throw new UserError("admin.errors.emailTaken", "email");
  const user = await trx
    .insertInto("users")
    .values({ name: input.name.trim(), email, role: input.role, password_hash: passwordHash })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, { action: "create", entity: "users", entityId: user.id, after: user, summary });
  return withoutHash(user);
}

function withoutHash({ password_hash: _hash, ...user }: User): PublicUser {
  return user;
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
 * inside the transaction that inserts, so two simultaneous setups cannot both succeed.
 */
export async function createFirstBeheerder(db: DB, input: Omit<NewUserInput, "role">): Promise<PublicUser> {
  checkPasswordLength(input.password);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (trx) => {
    const existing = await trx.selectFrom("users").select("id").limit(1).executeTakeFirst();
    if (existing) throw new UserError("auth.errors.setupDone");
    return insertUser(trx, null, { ...input, role: "beheerder" }, passwordHash, "first_setup");
  });
}

export interface UserChanges {
  /** the version the editor saw; the change is refused when the record moved on since */
  version: number;
  name?: string;
  role?: UserRole;
  disabled?: boolean;
}

async function otherActiveBeheerders(trx: Trx, userId: number): Promise<number> {
  const row = await trx
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("role", "=", "beheerder")
    .where("disabled_at", "is", null)
    .where("id", "<>", userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Changes name, role and/or blocked state, if nobody changed the user since `version`.
 * Disabling the user or changing their role ends every session of the user; the last active beheerder cannot be demoted or
 * disabled, and nobody can disable their own account.
 */
export async function updateUser(db: DB, actor: Actor, userId: number, changes: UserChanges): Promise<PublicUser> {
  return inTransaction(db, async (trx) => {
    const before = await trx.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirst();
    if (!before) throw new UserError("admin.errors.notFound");
    if (before.version !== changes.version) throw new UserError("admin.errors.staleVersion");

    const name = changes.name?.trim() ?? before.name;
    const role = changes.role ?? before.role;
    const disable = changes.disabled ?? before.disabled_at !== null;
    if (disable && !before.disabled_at && actor.id === userId) throw new UserError("admin.errors.selfDisable");

    const staysActiveBeheerder = role === "beheerder" && !disable;
    const isActiveBeheerder = before.role === "beheerder" && before.disabled_at === null;
    if (isActiveBeheerder && !staysActiveBeheerder && (await otherActiveBeheerders(trx, userId)) === 0) {
      throw new UserError("admin.errors.lastBeheerder");
    }

    const disabled_at = disable ? (before.disabled_at ?? nowIso()) : null;
    if (name === before.name && role === before.role && disabled_at === before.disabled_at) return withoutHash(before);

    const after = await trx
      .updateTable("users")
      .set((eb) => ({ name, role, disabled_at, version: eb("version", "+", 1), updated_at: nowIso() }))
      .where("id", "=", userId)
      .where("version", "=", changes.version)
      .returningAll()
      .executeTakeFirst();
    if (!after) throw new UserError("admin.errors.staleVersion");

    const justDisabled = !before.disabled_at && after.disabled_at;
    const justEnabled = before.disabled_at && !after.disabled_at;
    // a new role starts with a new sign-in: no session carries on what the old role was trusted with
    if (justDisabled || after.role !== before.role) {
      await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
    }
    await recordAudit(trx, actor, {
      action: "update",
      entity: "users",
      entityId: userId,
      before,
      after,
      summary: justDisabled ? "disabled" : justEnabled ? "enabled" : null,
    });
    return withoutHash(after);
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

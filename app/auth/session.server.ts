import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import type { DB } from "../../db/index";
import type { User } from "../../db/schema";
import type { RoleGrant } from "./permissions";

/** Sessions as the Lucia guide teaches: the browser holds a random token, the database only its SHA-256. */

export const SESSION_COOKIE = "kring_session";
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY;
const MINUTE = 60 * 1000;
/** How often a session's last use is written: not on every request, the idle timeout is counted in minutes. */
export const LAST_USE_PRECISION_MS = MINUTE;
export const DEFAULT_SESSION_IDLE_MINUTES = 120;
/** Longer than a session lives makes no sense: an idle timeout of at most 30 days. */
const MAX_SESSION_IDLE_MINUTES = SESSION_LIFETIME_MS / MINUTE;

/** A setting that cannot work: the server stops at start with this message. */
export class SessionSettingsError extends Error {}

/** KRING_SESSION_IDLE_MINUTES, in milliseconds: how long a session may go unused before it ends. */
export function sessionIdleMs(env: Partial<Record<string, string>> = process.env): number {
  const value = env.KRING_SESSION_IDLE_MINUTES?.trim();
  if (!value) return DEFAULT_SESSION_IDLE_MINUTES * MINUTE;
  const minutes = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(minutes >= 1 && minutes <= MAX_SESSION_IDLE_MINUTES))
    throw new SessionSettingsError(
      `KRING_SESSION_IDLE_MINUTES must be a whole number of minutes from 1 to ${MAX_SESSION_IDLE_MINUTES} (it is "${value}").`,
    );
  return minutes * MINUTE;
}

export type SessionUser = Pick<User, "id" | "email" | "name" | "language"> & { roles: RoleGrant[] };

/** The region a session chose in the switcher, the cross-region view, or nothing yet (decision 043). */
export type RegionChoice = number | "all" | null;

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(db: DB, token: string, userId: number, now = Date.now()) {
  const session = {
    id: sessionIdFromToken(token),
    user_id: userId,
    expires_at: now + SESSION_LIFETIME_MS,
    last_used_at: now,
  };
  await db.insertInto("sessions").values(session).execute();
  return session;
}

export interface ValidSession {
  session: { id: string; expiresAt: number; regionChoice: RegionChoice };
  user: SessionUser;
  /** the expiry moved: the browser needs the renewed cookie */
  extended: boolean;
}

/** A session that ended because it went unused longer than the idle timeout: the login page says so. */
export interface IdleSession {
  endedIdle: true;
}

/**
 * The user behind a token; `{ endedIdle }` when the session was unused for longer than `idleMs` (it is
 * ended now); null when the session is unknown, expired or its account disabled. A session used in
 * the second half of its life is extended to a full 30 days. Its last use is written at most once a
 * minute, together with that extension where both are due.
 */
export async function validateSessionToken(
  db: DB,
  token: string,
  now = Date.now(),
  idleMs = DEFAULT_SESSION_IDLE_MINUTES * MINUTE,
): Promise<ValidSession | IdleSession | null> {
  const id = sessionIdFromToken(token);
  // the roles come along in the same statement, a row each: a page's statement count stays as it was
  const rows = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .leftJoin("user_roles", "user_roles.user_id", "users.id")
    .select([
      "sessions.id as sessionId",
      "sessions.expires_at",
      "sessions.last_used_at",
      "sessions.region_id as chosenRegionId",
      "sessions.all_regions",
      "users.id",
      "users.email",
      "users.name",
      "users.language",
      "users.disabled_at",
      "user_roles.region_id",
      "user_roles.role",
    ])
    .where("sessions.id", "=", id)
    .execute();
  const row = rows[0];
  if (!row) return null;
  const idle = now - row.last_used_at > idleMs;
  if (now >= row.expires_at || row.disabled_at || idle) {
    await db.deleteFrom("sessions").where("id", "=", id).execute();
    return idle && now < row.expires_at && !row.disabled_at ? { endedIdle: true } : null;
  }
  const extended = now >= row.expires_at - SESSION_LIFETIME_MS / 2;
  const expiresAt = extended ? now + SESSION_LIFETIME_MS : row.expires_at;
  if (extended || now - row.last_used_at >= LAST_USE_PRECISION_MS) {
    await db.updateTable("sessions").set({ expires_at: expiresAt, last_used_at: now }).where("id", "=", id).execute();
  }
  const roles = rows.flatMap(({ region_id: regionId, role }) => (role ? [{ regionId, role }] : []));
  const user: SessionUser = { id: row.id, email: row.email, name: row.name, language: row.language, roles };
  const regionChoice = row.all_regions ? "all" : row.chosenRegionId;
  return { session: { id, expiresAt, regionChoice }, user, extended };
}

export async function invalidateSession(db: DB, sessionId: string) {
  await db.deleteFrom("sessions").where("id", "=", sessionId).execute();
}

/** Ends every session of the user, except the one named (the session that changed the password). */
export async function invalidateUserSessions(db: DB, userId: number, exceptSessionId?: string) {
  let query = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (exceptSessionId) query = query.where("id", "<>", exceptSessionId);
  await query.execute();
}

function isSecure(request: Request) {
  return new URL(request.url).protocol === "https:";
}

export function sessionCookie(request: Request, token: string, expiresAt: number): string {
  const parts = [
    `${SESSION_COOKIE}=${token}`,
    "HttpOnly",
    "SameSite=Lax",
    "Path=/",
    `Expires=${new Date(expiresAt).toUTCString()}`,
  ];
  if (isSecure(request)) parts.push("Secure");
  return parts.join("; ");
}

export function blankSessionCookie(request: Request): string {
  const parts = [`${SESSION_COOKIE}=`, "HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=0"];
  if (isSecure(request)) parts.push("Secure");
  return parts.join("; ");
}

export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key !== name) continue;
    // a cookie Kring did not write (a lone "%") is no session, not a server error
    try {
      return decodeURIComponent(rest.join("="));
    } catch {
      return null;
    }
  }
  return null;
}

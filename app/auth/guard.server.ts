import { type AppLoadContext, redirect } from "@remix-run/node";
import type { RegionOfRecord } from "../models/record-regions.server";
import { withNotice } from "../services/notices";
import { can, canInRecord, type Permission } from "./permissions";
import { currentRegion } from "./region.server";
import {
  readCookie,
  type RegionChoice,
  SESSION_COOKIE,
  type SessionUser,
  sessionCookie,
  validateSessionToken,
} from "./session.server";

export interface CurrentSession {
  user: SessionUser;
  sessionId: string;
  regionChoice: RegionChoice;
}

/**
 * The signed-in user of this request, or null. Looked up once per request however many
 * loaders ask; when the session was extended, entry.server sends the renewed cookie.
 */
export function getCurrentSession(request: Request, context: AppLoadContext): Promise<CurrentSession | null> {
  context.auth.lookup ??= (async () => {
    const token = readCookie(request, SESSION_COOKIE);
    if (!token) return null;
    const result = await validateSessionToken(context.db, token, Date.now(), context.sessionIdleMs);
    if (!result) return null;
    if ("endedIdle" in result) {
      context.auth.endedIdle = true;
      return null;
    }
    if (result.extended) context.auth.setCookie = sessionCookie(request, token, result.session.expiresAt);
    return { user: result.user, sessionId: result.session.id, regionChoice: result.session.regionChoice };
  })();
  return context.auth.lookup as Promise<CurrentSession | null>;
}

export async function getCurrentUser(request: Request, context: AppLoadContext) {
  return (await getCurrentSession(request, context))?.user ?? null;
}

/** To the login page, which brings the reader back here; saying so when their session ended for being idle. */
function loginRedirect(request: Request, context: AppLoadContext) {
  const url = new URL(request.url);
  const next = url.pathname + url.search;
  const login = next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`;
  return redirect(context.auth.endedIdle ? withNotice(login, "inactief") : login);
}

export async function requireSession(request: Request, context: AppLoadContext): Promise<CurrentSession> {
  const current = await getCurrentSession(request, context);
  if (!current) throw loginRedirect(request, context);
  return current;
}

/**
 * Where the permission is needed (decision 042): in a region (`regionId`), in the region of the record
 * the URL names (`record`; a person's or organisation's regions, any of which will do, decision 047; looked up only when the network-wide role does not already give it; no such
 * record: 404, decision 044), in the region the user looks at (`region: "current"`; the cross-region
 * view asks the network-wide role), or network-wide. Left out: in some region or network-wide.
 */
export type RegionRequirement = { regionId: number } | { record: RegionOfRecord } | { region: "current" | "network" };

const forbidden = () => new Response(null, { status: 403, statusText: "Forbidden" });

/**
 * The one gate of every loader and action: the signed-in user if their roles give the permission
 * where it is needed; otherwise a redirect to the login page, or a bare 403 that the error boundary
 * renders without saying what is behind it.
 */
export async function requirePermission(
  request: Request,
  context: AppLoadContext,
  permission: Permission,
  where?: RegionRequirement,
): Promise<SessionUser> {
  const { user } = await requireSession(request, context);
  if (where && "record" in where) {
    // a role that has the permission nowhere is refused before the record is looked for
    if (!can(user, permission)) throw forbidden();
    if (can(user, permission, "network")) return user;
    const regions = await where.record(context.db);
    if (regions === undefined) throw new Response(null, { status: 404, statusText: "Not Found" });
    // a network-wide record (null) is the network-wide role's, which was asked above
    if (regions === null || !canInRecord(user, permission, regions)) throw forbidden();
    return user;
  }
  if (!(await allowed(request, context, user, permission, where))) throw forbidden();
  return user;
}

/**
 * Whether the user may do this to the record: for a page's buttons, with the gate's rule; the lookup
 * runs only when the network-wide role does not already give it.
 */
export async function allowedOnRecord(
  context: AppLoadContext,
  user: SessionUser,
  permission: Permission,
  record: RegionOfRecord,
): Promise<boolean> {
  if (!can(user, permission)) return false;
  if (can(user, permission, "network")) return true;
  const regions = await record(context.db);
  return regions !== undefined && regions !== null && canInRecord(user, permission, regions);
}

/** Whether the user may do this where it is needed: for a page's buttons, with the same rule as the gate. */
export async function allowed(
  request: Request,
  context: AppLoadContext,
  user: SessionUser,
  permission: Permission,
  where: Exclude<RegionRequirement, { record: RegionOfRecord }> | undefined,
): Promise<boolean> {
  if (!where) return can(user, permission);
  if ("regionId" in where) return can(user, permission, where.regionId);
  // the network-wide role holds in every region: no need to look up which one is current
  if (where.region === "network" || can(user, permission, "network")) return can(user, permission, "network");
  const region = await currentRegion(request, context);
  return region !== "all" && can(user, permission, region.id);
}

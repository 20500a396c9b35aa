import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getCurrentSession } from "../auth/guard.server";
import { blankSessionCookie, invalidateSession } from "../auth/session.server";

/**
 * Signing out: POST only (a link or prefetch must not sign anyone out). Without a session there
 * is nothing to end, so this asks getCurrentSession rather than requireSession.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const current = await getCurrentSession(request, context);
  if (current) await invalidateSession(context.db, current.sessionId);
  // a renewal noted while looking the session up must not put the cookie back
  context.auth.setCookie = undefined;
  return redirect("/login", { headers: { "Set-Cookie": blankSessionCookie(request) } });
}

export function loader(): never {
  throw new Response(null, { status: 404 });
}

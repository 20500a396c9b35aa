import type { AppLoadContext } from "@remix-run/node";

/**
 * Where the app is reached, for links that leave a page (a calendar feed's address, the links in mail
 * and in .ics files): PUBLIC_ORIGIN when set, so a forged Host header cannot point them elsewhere;
 * else the request's own origin (a laptop, a test).
 */
export function appOrigin(request: Request, context: AppLoadContext): string {
  return context.publicOrigin ?? new URL(request.url).origin;
}

import type { AppLoadContext } from "@remix-run/node";
import type { DB } from "../../db/index";
import type { UserRole } from "../../db/schema";
import { makeUser, sessionCookieFor, testContext } from "./db";

/** A route's loader or action, as Remix calls it. */
export type Handler = (args: {
  request: Request;
  context: AppLoadContext;
  params: Record<string, string>;
}) => Promise<unknown>;

/** Calls a loader or action as Remix would; a thrown Response (redirect, 403, 404) is returned like any other. */
export async function call(
  db: DB,
  handler: Handler,
  request: Request,
  params: Record<string, string> = {},
): Promise<Response> {
  try {
    return (await handler({ request, context: testContext(db), params })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** A GET of a path, signed in when a cookie is given. */
export const get = (path: string, cookie?: string) =>
  new Request(new URL(path, "http://localhost"), { headers: cookie ? { Cookie: cookie } : {} });

/** A new user of the role with a live session: the user, their password and the Cookie header. */
export async function signedIn(db: DB, role: UserRole) {
  const made = await makeUser(db, { role });
  return { ...made, cookie: await sessionCookieFor(db, made.user.id) };
}

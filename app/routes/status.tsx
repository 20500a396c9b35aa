import type { LoaderFunctionArgs } from "@remix-run/node";
import { databaseAnswers } from "../models/health.server";

/**
 * For monitoring and load balancers: 200 "ok" when the server and its database answer, 503
 * otherwise. No sign-in and no data, so a monitor needs no account.
 */
export async function loader({ context }: LoaderFunctionArgs) {
  const up = await databaseAnswers(context.db);
  return new Response(up ? "ok\n" : "database unavailable\n", {
    status: up ? 200 : 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

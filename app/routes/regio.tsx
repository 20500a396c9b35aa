import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireSession } from "../auth/guard.server";
import { regionView } from "../auth/region.server";
import { chooseSessionRegion } from "../models/region-choice.server";
import { ALL_REGIONS, maySelectRegion } from "../services/region-choice";
import { safeRedirectPath } from "../services/safe-redirect";

/**
 * The header's region switcher (decision 043): remembers the choice on the session and goes back to
 * the page it came from. A region the user has no role in, or the cross-region view without a
 * network-wide role, is refused (403); a form that names no region goes back unchanged.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const { user, sessionId } = await requireSession(request, context);
  const form = await request.formData();
  const value = form.get("regio");
  const choice =
    value === ALL_REGIONS ? "all" : typeof value === "string" && /^\d{1,9}$/.test(value) ? Number(value) : null;
  const target = safeRedirectPath(form.get("redirectTo"));
  // a form that names no region, as the language switch treats one without a language: back, nothing changed
  if (choice === null) return redirect(target);
  const { regions } = await regionView(request, context);
  if (!maySelectRegion(user, regions, choice)) throw new Response(null, { status: 403, statusText: "Forbidden" });
  await chooseSessionRegion(context.db, sessionId, choice);
  return redirect(target);
}

export function loader(): never {
  throw new Response(null, { status: 404 });
}

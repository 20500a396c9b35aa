import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getCurrentUser } from "../auth/guard.server";
import { isLanguage, LANGUAGE_COOKIE } from "../i18n/index";
import { setUserLanguage } from "../models/users.server";
import { safeRedirectPath } from "../services/safe-redirect";

const ONE_YEAR = 365 * 24 * 60 * 60;

/** The language switch: remembered on the account when signed in, and in a cookie for the login page. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const language = form.get("language");
  const target = safeRedirectPath(form.get("redirectTo"));
  if (!isLanguage(language)) return redirect(target);
  const user = await getCurrentUser(request, context);
  if (user) await setUserLanguage(context.db, user, user.id, language);
  return redirect(target, {
    headers: { "Set-Cookie": `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=${ONE_YEAR}; SameSite=Lax` },
  });
}

export function loader(): never {
  throw new Response(null, { status: 404 });
}

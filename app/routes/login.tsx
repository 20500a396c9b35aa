import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { getCurrentSession } from "../auth/guard.server";
import { attemptLogin } from "../auth/login.server";
import { passwordField } from "../auth/password-policy";
import { createSession, generateSessionToken, invalidateSession, sessionCookie } from "../auth/session.server";
import { HiddenField, SubmitButton, TextField, ValidatedForm } from "../components/form";
import { pageTitle } from "../i18n/meta";
import { countUsers } from "../models/users.server";
import { emailAddress, FORM_ERROR, formFailure, messageKey, parseForm } from "../services/form-data";
import { type Notice, noticeFrom } from "../services/notices";
import { safeRedirectPath } from "../services/safe-redirect";

const LOGIN_NOTICES = ["inactief"] as const satisfies readonly Notice[];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("auth.login.title"));

const loginSchema = z.object({
  email: emailAddress(),
  password: passwordField(),
  next: z.string().optional(),
});

/** The one page open to everyone (with /setup while there are no users). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getCurrentSession(request, context)) throw redirect("/");
  if ((await countUsers(context.db)) === 0) throw redirect("/setup");
  const search = new URL(request.url).searchParams;
  return json({
    next: safeRedirectPath(search.get("next"), "") || null,
    signedOutIdle: noticeFrom(search, LOGIN_NOTICES) === "inactief",
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  if ((await countUsers(context.db)) === 0) throw redirect("/setup");
  const formData = await request.formData();
  const parsed = parseForm(loginSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });

  const { email, password, next } = parsed.data;
  const result = await attemptLogin(context.db, email, password, context.clientAddress);
  if (!result.ok) {
    const message =
      result.reason === "throttled"
        ? messageKey("auth.errors.throttled", { count: result.waitSeconds })
        : "auth.errors.invalidCredentials";
    return json(formFailure(formData, { [FORM_ERROR]: message }), {
      status: result.reason === "throttled" ? 429 : 400,
    });
  }

  // Whoever was signed in on this browser before is signed out: one session per login.
  const previous = await getCurrentSession(request, context);
  if (previous) await invalidateSession(context.db, previous.sessionId);
  context.auth.setCookie = undefined;

  const token = generateSessionToken();
  const session = await createSession(context.db, token, result.user.id);
  return redirect(safeRedirectPath(next), {
    headers: { "Set-Cookie": sessionCookie(request, token, session.expires_at) },
  });
}

export default function Login() {
  const { next, signedOutIdle } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-md">
      <div className="card space-y-4">
        <h1 className="text-2xl font-bold">{t("auth.login.title")}</h1>
        {signedOutIdle ? (
          <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            {t("auth.login.signedOutIdle")}
          </p>
        ) : null}
        <p className="text-slate-700">{t("auth.login.intro")}</p>
        <ValidatedForm
          id="login"
          schema={loginSchema}
          actionData={actionData}
          defaultValues={{ next: next ?? "" }}
          className="space-y-4"
        >
          <TextField name="email" type="email" label={t("auth.fields.email")} autoComplete="username" required />
          <TextField
            name="password"
            type="password"
            label={t("auth.fields.password")}
            autoComplete="current-password"
            required
          />
          <HiddenField name="next" />
          <SubmitButton>{t("auth.login.submit")}</SubmitButton>
        </ValidatedForm>
        <p className="text-sm text-slate-600">{t("auth.login.noAccount")}</p>
      </div>
    </div>
  );
}

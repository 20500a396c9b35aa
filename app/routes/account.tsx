import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { LANGUAGES } from "../../db/schema";
import { requireSession } from "../auth/guard.server";
import { MIN_PASSWORD_LENGTH, newPasswordField, PASSWORDS_DIFFER, passwordField } from "../auth/password-policy";
import { loginWaitSeconds, recordLoginFailure } from "../auth/throttle.server";
import { HiddenField, RadioGroup, SubmitButton, SuccessNotice, TextField, ValidatedForm } from "../components/form";
import { LANGUAGE_COOKIE } from "../i18n/index";
import type { MessageKey } from "../i18n/keys";
import { pageTitle } from "../i18n/meta";
import { changePassword, getUser, setUserLanguage, UserError } from "../models/users.server";
import { choice, FORM_ERROR, formFailure, messageKey, parseForm } from "../services/form-data";
import { type Notice, noticeFrom, withNotice } from "../services/notices";
import { rolesInWords } from "../services/role-words";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("auth.account.title"));

const passwordSchema = z
  .object({
    intent: z.literal("password"),
    currentPassword: passwordField(),
    newPassword: newPasswordField(),
    newPasswordConfirm: passwordField(),
  })
  .refine((data) => data.newPassword === data.newPasswordConfirm, {
    path: ["newPasswordConfirm"],
    message: PASSWORDS_DIFFER,
  });

const languageSchema = z.object({
  intent: z.literal("language"),
  language: choice(LANGUAGES),
});

const PAGE_NOTICES = ["wachtwoord", "taal"] as const satisfies readonly Notice[];

const NOTICE_TEXTS = {
  wachtwoord: "auth.account.passwordChanged",
  taal: "auth.account.languageSaved",
} satisfies Record<(typeof PAGE_NOTICES)[number], MessageKey>;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireSession(request, context);
  const account = await getUser(context.db, user.id);
  if (!account) throw new Response(null, { status: 404 });
  return json({
    account: { name: account.name, email: account.email, roles: account.roles, language: account.language },
    notice: noticeFrom(new URL(request.url).searchParams, PAGE_NOTICES),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, sessionId } = await requireSession(request, context);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent !== "language" && intent !== "password")
    throw new Response(null, { status: 400, statusText: "Bad Request" });

  if (intent === "language") {
    const parsed = parseForm(languageSchema, formData);
    if (!parsed.ok) return json({ ...parsed, intent }, { status: 400 });
    await setUserLanguage(context.db, user, user.id, parsed.data.language);
    return redirect(withNotice("/account", "taal"), {
      headers: { "Set-Cookie": `${LANGUAGE_COOKIE}=${parsed.data.language}; Path=/; Max-Age=31536000; SameSite=Lax` },
    });
  }

  const parsed = parseForm(passwordSchema, formData);
  if (!parsed.ok) return json({ ...parsed, intent: "password" }, { status: 400 });
  // guessing the current password is throttled like guessing it at the login page
  const throttled = (seconds: number) =>
    json(
      {
        ...formFailure(formData, { currentPassword: messageKey("auth.errors.throttled", { count: seconds }) }),
        intent: "password",
      },
      { status: 429 },
    );
  const wait = await loginWaitSeconds(context.db, user.email, context.clientAddress);
  if (wait > 0) return throttled(wait);
  try {
    await changePassword(context.db, user, {
      userId: user.id,
      sessionId,
      currentPassword: parsed.data.currentPassword,
      newPassword: parsed.data.newPassword,
    });
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    if (error.field === "currentPassword") {
      const seconds = await recordLoginFailure(context.db, user.email, context.clientAddress);
      if (seconds > 0) return throttled(seconds);
    }
    const failure = formFailure(formData, { [error.field ?? FORM_ERROR]: error.messageKey });
    return json({ ...failure, intent: "password" }, { status: 400 });
  }
  return redirect(withNotice("/account", "wachtwoord"));
}

export default function Account() {
  const { account, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const forForm = (intent: string) => (actionData?.intent === intent ? actionData : null);
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">{t("auth.account.title")}</h1>
      {notice ? <SuccessNotice>{t(NOTICE_TEXTS[notice])}</SuccessNotice> : null}

      <section aria-labelledby="details-heading" className="card">
        <h2 id="details-heading" className="text-lg font-semibold">
          {t("auth.account.details")}
        </h2>
        <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
          <div>
            <dt className="font-semibold">{t("auth.fields.name")}</dt>
            <dd>{account.name}</dd>
          </div>
          <div>
            <dt className="font-semibold">{t("auth.fields.email")}</dt>
            <dd className="break-all">{account.email}</dd>
          </div>
          <div>
            <dt className="font-semibold">{t("userRoles.account.roles")}</dt>
            <dd>{rolesInWords(account.roles, t)}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="password-heading" className="card space-y-4">
        <h2 id="password-heading" className="text-lg font-semibold">
          {t("auth.account.passwordHeading")}
        </h2>
        <p className="text-sm text-slate-700">{t("auth.account.passwordIntro")}</p>
        <ValidatedForm
          id="password"
          schema={passwordSchema}
          actionData={forForm("password")}
          defaultValues={{ intent: "password" }}
          className="space-y-4"
        >
          <HiddenField name="intent" />
          {/* the account's e-mail address, so password managers know which login to update */}
          <input type="hidden" name="username" autoComplete="username" value={account.email} readOnly />
          <TextField
            name="currentPassword"
            type="password"
            label={t("auth.fields.currentPassword")}
            autoComplete="current-password"
            required
          />
          <TextField
            name="newPassword"
            type="password"
            label={t("auth.fields.newPassword")}
            hint={t("auth.fields.passwordHint", { min: MIN_PASSWORD_LENGTH })}
            autoComplete="new-password"
            required
          />
          <TextField
            name="newPasswordConfirm"
            type="password"
            label={t("auth.fields.newPasswordConfirm")}
            autoComplete="new-password"
            required
          />
          <SubmitButton>{t("auth.account.passwordSubmit")}</SubmitButton>
        </ValidatedForm>
      </section>

      <section aria-labelledby="language-heading" className="card space-y-4">
        <h2 id="language-heading" className="text-lg font-semibold">
          {t("auth.account.languageHeading")}
        </h2>
        <ValidatedForm
          id="language"
          key={account.language}
          schema={languageSchema}
          actionData={forForm("language")}
          defaultValues={{ intent: "language", language: account.language }}
          className="space-y-4"
        >
          <HiddenField name="intent" />
          <RadioGroup
            name="language"
            legend={t("auth.account.languageLegend")}
            options={[
              { value: "nl", label: "Nederlands", lang: "nl" },
              { value: "en", label: "English", lang: "en" },
            ]}
          />
          <SubmitButton>{t("auth.account.languageSubmit")}</SubmitButton>
        </ValidatedForm>
      </section>
    </div>
  );
}

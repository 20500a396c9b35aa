import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { MIN_PASSWORD_LENGTH, newPasswordField, PASSWORDS_DIFFER, passwordField } from "../auth/password-policy";
import { createSession, generateSessionToken, sessionCookie } from "../auth/session.server";
import { SubmitButton, TextField, ValidatedForm } from "../components/form";
import { pageTitle } from "../i18n/meta";
import { firstRegionId } from "../models/regions.server";
import { countUsers, createFirstBeheerder, UserError } from "../models/users.server";
import { emailAddress, parseForm, requiredText } from "../services/form-data";
import { firstRegionFields } from "../services/region-forms";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("auth.setup.title"));

const accountFields = {
  name: requiredText(120),
  email: emailAddress(),
  password: newPasswordField(),
  passwordConfirm: passwordField(),
};
const samePasswords = (data: { password: string; passwordConfirm: string }) => data.password === data.passwordConfirm;
const differ = { path: ["passwordConfirm"], message: PASSWORDS_DIFFER };

const setupSchema = z.object(accountFields).refine(samePasswords, differ);
/** A register without a region also gets its first one here, so that bodies can be made at once. */
const setupWithRegionSchema = z.object({ ...accountFields, ...firstRegionFields }).refine(samePasswords, differ);

const hasNoRegion = async (context: LoaderFunctionArgs["context"]) => (await firstRegionId(context.db)) === 0;

/** The page exists only while nobody can sign in: afterwards it is a 404, for GET and POST alike. */
async function requireNoUsers(context: LoaderFunctionArgs["context"]) {
  if ((await countUsers(context.db)) > 0) throw new Response(null, { status: 404, statusText: "Not Found" });
}

export async function loader({ context }: LoaderFunctionArgs) {
  await requireNoUsers(context);
  return json({ needsRegion: await hasNoRegion(context) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireNoUsers(context);
  const form = await request.formData();
  const parsed = (await hasNoRegion(context)) ? parseForm(setupWithRegionSchema, form) : parseForm(setupSchema, form);
  if (!parsed.ok) return json(parsed, { status: 400 });

  const { regionName, regionCode, regionTagline, ...account } = {
    regionName: null,
    regionCode: null,
    regionTagline: null,
    ...parsed.data,
  };
  const firstRegion = regionName && regionCode ? { name: regionName, code: regionCode, tagline: regionTagline } : null;
  let user;
  try {
    user = await createFirstBeheerder(context.db, account, firstRegion);
  } catch (error) {
    // someone else finished the setup a moment earlier
    if (error instanceof UserError) throw new Response(null, { status: 404, statusText: "Not Found" });
    throw error;
  }
  const token = generateSessionToken();
  const session = await createSession(context.db, token, user.id);
  return redirect("/", { headers: { "Set-Cookie": sessionCookie(request, token, session.expires_at) } });
}

export default function Setup() {
  const actionData = useActionData<typeof action>();
  const { needsRegion } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-md">
      <div className="card space-y-4">
        <h1 className="text-2xl font-bold">{t("auth.setup.title")}</h1>
        <p className="text-slate-700">{t("auth.setup.intro")}</p>
        <ValidatedForm
          id="setup"
          schema={needsRegion ? setupWithRegionSchema : setupSchema}
          actionData={actionData}
          className="space-y-4"
        >
          <TextField name="name" label={t("auth.fields.name")} autoComplete="name" required />
          <TextField name="email" type="email" label={t("auth.fields.email")} autoComplete="username" required />
          <TextField
            name="password"
            type="password"
            label={t("auth.fields.password")}
            hint={t("auth.fields.passwordHint", { min: MIN_PASSWORD_LENGTH })}
            autoComplete="new-password"
            required
          />
          <TextField
            name="passwordConfirm"
            type="password"
            label={t("auth.fields.passwordConfirm")}
            autoComplete="new-password"
            required
          />
          {needsRegion ? (
            <fieldset className="space-y-4">
              <legend className="text-lg font-semibold">{t("auth.setup.regionHeading")}</legend>
              <p className="text-slate-700">{t("auth.setup.regionIntro")}</p>
              <TextField name="regionName" label={t("auth.setup.regionName")} required />
              <TextField
                name="regionCode"
                label={t("auth.setup.regionCode")}
                hint={t("regions.fields.codeHint")}
                required
              />
              <TextField
                name="regionTagline"
                label={t("auth.setup.regionTagline")}
                hint={t("regions.fields.taglineHint")}
              />
            </fieldset>
          ) : null}
          <SubmitButton>{t("auth.setup.submit")}</SubmitButton>
        </ValidatedForm>
      </div>
    </div>
  );
}

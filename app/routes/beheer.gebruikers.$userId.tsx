import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { CheckboxField, HiddenField, SubmitButton, SuccessNotice, TextField, ValidatedForm } from "../components/form";
import { formatMoment } from "../i18n/format";
import type { MessageKey } from "../i18n/keys";
import { pageTitle } from "../i18n/meta";
import { RoleFields } from "../components/users/role-fields";
import { allRegions } from "../models/region-choice.server";
import { getUser, updateUser, UserError } from "../models/users.server";
import {
  checkbox,
  FORM_ERROR,
  type FormFailure,
  formFailure,
  messageKey,
  parseForm,
  positiveInt,
  requiredText,
} from "../services/form-data";
import { type Notice, noticeFrom, withNotice } from "../services/notices";
import { recordIdParam } from "../services/record-id";
import { rolesInWords } from "../services/role-words";
import { grantsFrom, NETWORK_ROLE_FIELD, roleFieldValues, withRoleFields } from "../services/user-roles-form";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => (data ? t("admin.user.title", { name: data.user.name }) : t("admin.users.title")));

const saveSchema = (regionIds: readonly number[]) =>
  withRoleFields({ intent: z.literal("save"), version: positiveInt(), name: requiredText(120) }, regionIds);

/** Blocking needs a ticked box: a confirmation step that works without JavaScript. */
const disableSchema = z.object({
  intent: z.literal("disable"),
  version: positiveInt(),
  confirm: checkbox().refine((ticked) => ticked, messageKey("admin.errors.confirmDisable")),
});

const enableSchema = z.object({
  intent: z.literal("enable"),
  version: positiveInt(),
});

const SCHEMAS = { save: saveSchema, disable: () => disableSchema, enable: () => enableSchema } as const;
type Intent = keyof typeof SCHEMAS;
const isIntent = (value: unknown): value is Intent => typeof value === "string" && Object.hasOwn(SCHEMAS, value);

/** The notice after each form. */
const INTENT_NOTICES = {
  save: "opgeslagen",
  disable: "geblokkeerd",
  enable: "gedeblokkeerd",
} as const satisfies Record<Intent, Notice>;

const NOTICE_TEXTS = {
  opgeslagen: "admin.user.saved",
  geblokkeerd: "admin.user.disabled",
  gedeblokkeerd: "admin.user.enabled",
} satisfies Record<(typeof INTENT_NOTICES)[Intent], MessageKey>;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const me = await requirePermission(request, context, "users.manage", { region: "network" });
  const [user, regions] = await Promise.all([
    getUser(context.db, recordIdParam(params.userId)),
    allRegions(context.db),
  ]);
  if (!user) throw new Response(null, { status: 404, statusText: "Not Found" });
  const notice = noticeFrom(new URL(request.url).searchParams, Object.values(INTENT_NOTICES));
  return json({ user, regions, isSelf: user.id === me.id, notice });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const me = await requirePermission(request, context, "users.manage", { region: "network" });
  const userId = recordIdParam(params.userId);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (!isIntent(intent)) throw new Response(null, { status: 400, statusText: "Bad Request" });

  const refuse = (failure: FormFailure, status = 400) => json({ ...failure, intent }, { status });
  const regionIds = (await allRegions(context.db)).map((region) => region.id);
  const parsed = parseForm(SCHEMAS[intent](regionIds), formData);
  if (!parsed.ok) return refuse(parsed);

  const data = parsed.data;
  try {
    await updateUser(context.db, me, userId, {
      version: data.version,
      ...("name" in data ? { name: data.name, roles: grantsFrom(data, regionIds) } : {}),
      ...(intent === "disable" ? { disabled: true } : intent === "enable" ? { disabled: false } : {}),
    });
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    if (error.messageKey === "admin.errors.notFound")
      throw new Response(null, { status: 404, statusText: "Not Found" });
    if (error.messageKey === "admin.errors.staleVersion") {
      // what was typed is dropped: the form shows the current record, on which the change may be redone
      return refuse({ ok: false, values: {}, errors: { [FORM_ERROR]: error.messageKey } }, 409);
    }
    const field = error.field === "roles" ? NETWORK_ROLE_FIELD : (error.field ?? FORM_ERROR);
    return refuse(formFailure(formData, { [field]: error.messageKey }));
  }
  return redirect(withNotice(`/beheer/gebruikers/${userId}`, INTENT_NOTICES[intent]));
}

export default function EditUser() {
  const { user, regions, isSelf, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const forForm = (intent: Intent) => (actionData?.intent === intent ? actionData : null);
  const regionIds = regions.map((region) => region.id);
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/beheer/gebruikers">{t("admin.user.back")}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("admin.user.title", { name: user.name })}</h1>
        <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
          <div>
            <dt className="font-semibold">{t("admin.users.email")}</dt>
            <dd className="break-all">{user.email}</dd>
          </div>
          <div className="sm:col-span-3">
            <dt className="font-semibold">{t("userRoles.form.legend")}</dt>
            <dd>{rolesInWords(user.roles, t)}</dd>
          </div>
          <div>
            <dt className="font-semibold">{t("admin.users.status")}</dt>
            <dd>
              {user.disabled_at
                ? t("admin.users.disabledSince", { date: formatMoment(user.disabled_at, language) })
                : t("admin.users.active")}
            </dd>
          </div>
          <div>
            <dt className="font-semibold">{t("admin.user.created")}</dt>
            <dd>{formatMoment(user.created_at, language)}</dd>
          </div>
        </dl>
        <p className="mt-3 text-sm">
          <Link to={`/beheer/logboek?soort=users&record=${user.id}`}>{t("admin.user.history")}</Link>
        </p>
      </div>
      {notice ? <SuccessNotice>{t(NOTICE_TEXTS[notice])}</SuccessNotice> : null}

      <section aria-labelledby="edit-heading" className="card space-y-4">
        <h2 id="edit-heading" className="text-lg font-semibold">
          {t("admin.user.editHeading")}
        </h2>
        <ValidatedForm
          id="edit-user"
          key={`save-${user.version}`}
          schema={saveSchema(regionIds)}
          actionData={forForm("save")}
          defaultValues={{
            intent: "save",
            version: user.version,
            name: user.name,
            ...roleFieldValues(user.roles, regionIds),
          }}
          className="space-y-4"
        >
          <HiddenField name="intent" />
          <HiddenField name="version" />
          <TextField name="name" label={t("admin.users.name")} autoComplete="off" required />
          <RoleFields regions={regions} />
          <SubmitButton>{t("common.actions.save")}</SubmitButton>
        </ValidatedForm>
      </section>

      {user.disabled_at ? (
        <section aria-labelledby="enable-heading" className="card space-y-4">
          <h2 id="enable-heading" className="text-lg font-semibold">
            {t("admin.user.enableHeading")}
          </h2>
          <p className="text-sm text-slate-700">
            {t("admin.user.enableText", { date: formatMoment(user.disabled_at, language) })}
          </p>
          <ValidatedForm
            id="enable-user"
            key={`enable-${user.version}`}
            schema={enableSchema}
            actionData={forForm("enable")}
            defaultValues={{ intent: "enable", version: user.version }}
          >
            <HiddenField name="intent" />
            <HiddenField name="version" />
            <SubmitButton className="btn-secondary">{t("admin.user.enableSubmit")}</SubmitButton>
          </ValidatedForm>
        </section>
      ) : isSelf ? null : (
        <section aria-labelledby="disable-heading" className="card space-y-4">
          <h2 id="disable-heading" className="text-lg font-semibold">
            {t("admin.user.disableHeading")}
          </h2>
          <p className="text-sm text-slate-700">{t("admin.user.disableText")}</p>
          <ValidatedForm
            id="disable-user"
            key={`disable-${user.version}`}
            schema={disableSchema}
            actionData={forForm("disable")}
            defaultValues={{ intent: "disable", version: user.version }}
            className="space-y-4"
          >
            <HiddenField name="intent" />
            <HiddenField name="version" />
            <CheckboxField name="confirm" label={t("admin.user.disableConfirm", { name: user.name })} />
            <SubmitButton className="btn-danger">{t("admin.user.disableSubmit")}</SubmitButton>
          </ValidatedForm>
        </section>
      )}
    </div>
  );
}

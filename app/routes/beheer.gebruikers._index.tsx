import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { type Language, USER_ROLES } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { MIN_PASSWORD_LENGTH, newPasswordField } from "../auth/password-policy";
import { SelectField, SubmitButton, SuccessNotice, TextField, ValidatedForm } from "../components/form";
import { formatMoment } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { createUser, listUsers, UserError } from "../models/users.server";
import { positiveIntFrom } from "../services/list-params";
import { choice, emailAddress, FORM_ERROR, formFailure, parseForm, requiredText } from "../services/form-data";
import { noticeFrom, withNotice } from "../services/notices";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("admin.users.title"));

const newUserSchema = z.object({
  name: requiredText(120),
  email: emailAddress(),
  role: choice(USER_ROLES),
  password: newPasswordField(),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const me = await requirePermission(request, context, "users.manage");
  const users = await listUsers(context.db);
  const search = new URL(request.url).searchParams;
  const addedId = noticeFrom(search, ["toegevoegd"]) ? positiveIntFrom(search, "id") : undefined;
  return json({ users, me: me.id, added: users.find((u) => u.id === addedId)?.name ?? null });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const me = await requirePermission(request, context, "users.manage");
  const formData = await request.formData();
  const parsed = parseForm(newUserSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    const user = await createUser(context.db, me, parsed.data);
    return redirect(withNotice("/beheer/gebruikers", "toegevoegd", { id: user.id }));
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return json(formFailure(formData, { [error.field ?? FORM_ERROR]: error.messageKey }), { status: 400 });
  }
}

export default function Users() {
  const { users, me, added } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const roleOptions = USER_ROLES.map((role) => ({
    value: role,
    label: `${t(`common.roles.${role}`)} — ${t(`admin.users.roleHelp.${role}`)}`,
  }));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("admin.users.title")}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t("admin.users.intro")}</p>
      </div>
      {added ? <SuccessNotice>{t("admin.users.added", { name: added })}</SuccessNotice> : null}

      <div className="card overflow-x-auto">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("admin.users.name")}</th>
              <th scope="col">{t("admin.users.email")}</th>
              <th scope="col">{t("admin.users.role")}</th>
              <th scope="col">{t("admin.users.status")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <th scope="row" className="font-normal">
                  <Link to={`/beheer/gebruikers/${user.id}`}>{user.name}</Link>
                  {user.id === me ? <span className="block text-xs text-slate-600">{t("admin.users.you")}</span> : null}
                </th>
                <td className="break-all">{user.email}</td>
                <td>{t(`common.roles.${user.role}`)}</td>
                <td>
                  {user.disabled_at ? (
                    <span className="font-semibold text-red-800">
                      {t("admin.users.disabledSince", { date: formatMoment(user.disabled_at, language) })}
                    </span>
                  ) : (
                    t("admin.users.active")
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section aria-labelledby="add-heading" className="card max-w-2xl space-y-4">
        <h2 id="add-heading" className="text-lg font-semibold">
          {t("admin.users.addHeading")}
        </h2>
        <ValidatedForm
          id="new-user"
          schema={newUserSchema}
          actionData={actionData}
          defaultValues={{ role: "lezer" }}
          className="space-y-4"
        >
          <TextField name="name" label={t("admin.users.name")} autoComplete="off" required />
          <TextField name="email" type="email" label={t("admin.users.email")} autoComplete="off" required />
          <SelectField name="role" label={t("admin.users.role")} options={roleOptions} required />
          <TextField
            name="password"
            type="password"
            label={t("admin.users.initialPassword")}
            hint={t("admin.users.initialPasswordHint", { min: MIN_PASSWORD_LENGTH })}
            autoComplete="new-password"
            required
          />
          <SubmitButton>{t("admin.users.addSubmit")}</SubmitButton>
        </ValidatedForm>
      </section>
    </div>
  );
}

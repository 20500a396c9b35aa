import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { MIN_PASSWORD_LENGTH, newPasswordField } from "../auth/password-policy";
import { SubmitButton, SuccessNotice, TextField, ValidatedForm } from "../components/form";
import { RoleFields } from "../components/users/role-fields";
import { formatMoment } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { allRegions } from "../models/region-choice.server";
import { createUser, listUsers, UserError } from "../models/users.server";
import { positiveIntFrom } from "../services/list-params";
import { emailAddress, FORM_ERROR, formFailure, parseForm, requiredText } from "../services/form-data";
import { noticeFrom, withNotice } from "../services/notices";
import { rolesInWords } from "../services/role-words";
import { grantsFrom, NETWORK_ROLE_FIELD, withRoleFields } from "../services/user-roles-form";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("admin.users.title"));

const newUserSchema = (regionIds: readonly number[]) =>
  withRoleFields({ name: requiredText(120), email: emailAddress(), password: newPasswordField() }, regionIds);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const me = await requirePermission(request, context, "users.manage", { region: "network" });
  const [users, regions] = await Promise.all([listUsers(context.db), allRegions(context.db)]);
  const search = new URL(request.url).searchParams;
  const addedId = noticeFrom(search, ["toegevoegd"]) ? positiveIntFrom(search, "id") : undefined;
  return json({ users, regions, me: me.id, added: users.find((u) => u.id === addedId)?.name ?? null });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const me = await requirePermission(request, context, "users.manage", { region: "network" });
  const formData = await request.formData();
  const regionIds = (await allRegions(context.db)).map((region) => region.id);
  const parsed = parseForm(newUserSchema(regionIds), formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    const { name, email, password } = parsed.data;
    const user = await createUser(context.db, me, { name, email, password, roles: grantsFrom(parsed.data, regionIds) });
    return redirect(withNotice("/beheer/gebruikers", "toegevoegd", { id: user.id }));
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    const field = error.field === "roles" ? NETWORK_ROLE_FIELD : (error.field ?? FORM_ERROR);
    return json(formFailure(formData, { [field]: error.messageKey }), { status: 400 });
  }
}

export default function Users() {
  const { users, regions, me, added } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const schema = newUserSchema(regions.map((region) => region.id));
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
              <th scope="col">{t("userRoles.form.legend")}</th>
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
                <td>{rolesInWords(user.roles, t)}</td>
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
        <ValidatedForm id="new-user" schema={schema} actionData={actionData} className="space-y-4">
          <TextField name="name" label={t("admin.users.name")} autoComplete="off" required />
          <TextField name="email" type="email" label={t("admin.users.email")} autoComplete="off" required />
          <RoleFields regions={regions} />
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

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guard.server";
import { pageTitle } from "../i18n/meta";
import { organisationChoices } from "../models/affiliations.server";
import { positiveIntFrom } from "../services/list-params";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("overviews.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "register.read", { region: "current" });
  // the organisation picker is a plain GET form, so it works without JavaScript
  const chosen = positiveIntFrom(new URL(request.url).searchParams, "organisatie");
  if (chosen) throw redirect(`/overzichten/organisaties/${chosen}`);
  const organisations = await organisationChoices(context.db);
  return json({ organisations: organisations.map((o) => ({ id: o.id, name: o.name })) });
}

export default function Overviews() {
  const { organisations } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">{t("overviews.title")}</h1>
      <p className="text-slate-700">{t("overviews.intro")}</p>
      <section aria-labelledby="matrix-heading" className="card space-y-2">
        <h2 id="matrix-heading" className="text-lg font-semibold">
          <Link to="/overzichten/matrix">{t("overviews.matrixLink")}</Link>
        </h2>
        <p className="text-sm text-slate-700">{t("overviews.matrixText")}</p>
      </section>
      <section aria-labelledby="per-organisation-heading" className="card space-y-3">
        <h2 id="per-organisation-heading" className="text-lg font-semibold">
          {t("overviews.perOrganisation")}
        </h2>
        <p className="text-sm text-slate-700">{t("overviews.perOrganisationText")}</p>
        <Form method="get" className="flex flex-wrap items-end gap-3">
          <div className="min-w-0 flex-1">
            <label htmlFor="organisation" className="field-label">
              {t("overviews.chooseOrganisation")}
            </label>
            <select id="organisation" name="organisatie" className="field-input" required>
              {organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn-primary">
            {t("overviews.open")}
          </button>
        </Form>
      </section>
    </div>
  );
}

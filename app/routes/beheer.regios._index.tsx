import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guard.server";
import { SubmitButton, SuccessNotice, ValidatedForm } from "../components/form";
import { RegionFormFields } from "../components/regions/region-form-fields";
import { pageTitle } from "../i18n/meta";
import { createRegion, listRegions } from "../models/regions.server";
import { parseForm } from "../services/form-data";
import { noticeFrom, withNotice } from "../services/notices";
import { createRegionSchema } from "../services/region-forms";
import { refusalResponse } from "../services/refusal.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("regions.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "regions.manage");
  const notice = noticeFrom(new URL(request.url).searchParams, ["verwijderd"]);
  return json({ regions: await listRegions(context.db), removed: notice === "verwijderd" });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "regions.manage");
  const formData = await request.formData();
  const parsed = parseForm(createRegionSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    const region = await createRegion(context.db, user, parsed.data);
    return redirect(withNotice(`/beheer/regios/${region.id}`, "aangemaakt"));
  } catch (error) {
    return refusalResponse(error, formData);
  }
}

export default function Regions() {
  const { regions, removed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("regions.title")}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t("regions.intro")}</p>
      </div>
      {removed ? <SuccessNotice>{t("regions.notices.removed")}</SuccessNotice> : null}
      {regions.length === 0 ? (
        <p className="card">{t("regions.none")}</p>
      ) : (
        <div className="card overflow-x-auto">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("regions.columns.name")}</th>
                <th scope="col">{t("regions.columns.code")}</th>
                <th scope="col">{t("regions.columns.tagline")}</th>
                <th scope="col">{t("regions.columns.subregions")}</th>
              </tr>
            </thead>
            <tbody>
              {regions.map((region) => (
                <tr key={region.id}>
                  <td>
                    <Link to={`/beheer/regios/${region.id}`} aria-label={t("regions.edit.open", { name: region.name })}>
                      {region.name}
                    </Link>
                    {region.isStart ? (
                      <span className="ml-2 text-sm text-slate-600">({t("regions.start.badge")})</span>
                    ) : null}
                  </td>
                  <td>{region.code}</td>
                  <td>{region.tagline ?? <span className="text-slate-600">{t("regions.noTagline")}</span>}</td>
                  <td>{region.subregions.map((subregion) => subregion.name).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="new-region-heading" className="card max-w-2xl space-y-3">
        <h2 id="new-region-heading" className="text-lg font-semibold">
          {t("regions.create.heading")}
        </h2>
        <ValidatedForm id="new-region" schema={createRegionSchema} actionData={actionData} className="space-y-4">
          <RegionFormFields />
          <SubmitButton>{t("regions.create.submit")}</SubmitButton>
        </ValidatedForm>
      </section>
    </div>
  );
}

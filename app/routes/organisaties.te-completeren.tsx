import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guard.server";
import { Pagination } from "../components/lists";
import { ToCompleteTable } from "../components/organisations/to-complete-table";
import { pageTitle } from "../i18n/meta";
import { organisationsWithoutRegion } from "../models/organisation-regions.server";
import { pageFrom } from "../services/list-params";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("organisations.toComplete.title"));

/** "Te completeren": the organisations linked to no region, which no region's report would show. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "register.read");
  return json(await organisationsWithoutRegion(context.db, pageFrom(new URL(request.url).searchParams)));
}

export default function OrganisationsToComplete() {
  const { rows, page } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/organisaties">{t("organisations.toComplete.back")}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("organisations.toComplete.title")}</h1>
      </div>
      <p className="max-w-3xl">{t("organisations.toComplete.intro")}</p>
      <div className="card">
        {rows.length === 0 ? <p>{t("organisations.toComplete.empty")}</p> : <ToCompleteTable rows={rows} />}
        <Pagination {...page} />
      </div>
    </div>
  );
}

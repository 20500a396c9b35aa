import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guard.server";
import { listScope } from "../auth/region.server";
import { can } from "../auth/permissions";
import { Pagination } from "../components/lists";
import { ToCorrectTable } from "../components/people/to-correct-table";
import { todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { addressesToCorrect } from "../models/bounces.server";
import { pageFrom } from "../services/list-params";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("people.toCorrect.title"));

/** "Onbestelbare adressen": everyone whose primary e-mail address bounced, the newest bounce first. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const me = await requirePermission(request, context, "register.read");
  const page = pageFrom(new URL(request.url).searchParams);
  return json({
    ...(await addressesToCorrect(context.db, page, todayInAmsterdam(), await listScope(request, context))),
    canEdit: can(me, "register.edit"),
  });
}

export default function AddressesToCorrect() {
  const { rows, page, canEdit } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/personen">{t("people.toCorrect.back")}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("people.toCorrect.title")}</h1>
      </div>
      <p className="max-w-3xl">{t("people.toCorrect.intro")}</p>
      <div className="card">
        {rows.length === 0 ? <p>{t("people.toCorrect.empty")}</p> : <ToCorrectTable rows={rows} canEdit={canEdit} />}
        <Pagination {...page} />
      </div>
    </div>
  );
}

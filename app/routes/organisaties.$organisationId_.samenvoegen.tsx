import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MergeFinder, MergeForm } from "../components/merge/merge-form";
import { pageTitle } from "../i18n/meta";
import { type MergePageAnswer, mergePageAction, mergePageLoader } from "../services/merge-page.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => t("merge.title.organisations", { name: data?.name ?? "" }));

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  mergePageLoader(request, context, "organisations", params.organisationId ?? "");

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  mergePageAction(request, context, "organisations", params.organisationId ?? "");

export default function MergeOrganisations() {
  const { survivorId, name, text, found, comparison, fields, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<MergePageAnswer>();
  const { t } = useTranslation();
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to={`/organisaties/${survivorId}`}>{t("merge.back", { name })}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("merge.title.organisations", { name })}</h1>
        <p className="mt-2 text-slate-700">{t("merge.intro")}</p>
      </div>
      {comparison ? (
        <MergeForm
          entity="organisations"
          comparison={comparison}
          fields={fields}
          defaults={defaults}
          actionData={actionData}
        />
      ) : (
        <MergeFinder entity="organisations" survivorId={survivorId} text={text} found={found} />
      )}
    </div>
  );
}

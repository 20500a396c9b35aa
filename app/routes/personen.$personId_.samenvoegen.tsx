import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MergeFinder, MergeForm } from "../components/merge/merge-form";
import { pageTitle } from "../i18n/meta";
import { type MergePageAnswer, mergePageAction, mergePageLoader } from "../services/merge-page.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => t("merge.title.people", { name: data?.name ?? "" }));

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  mergePageLoader(request, context, "people", params.personId ?? "");

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  mergePageAction(request, context, "people", params.personId ?? "");

export default function MergePeople() {
  const { survivorId, name, text, found, comparison, fields, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<MergePageAnswer>();
  const { t } = useTranslation();
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to={`/personen/${survivorId}`}>{t("merge.back", { name })}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("merge.title.people", { name })}</h1>
        <p className="mt-2 text-slate-700">{t("merge.intro")}</p>
      </div>
      {comparison ? (
        <MergeForm
          entity="people"
          comparison={comparison}
          fields={fields}
          defaults={defaults}
          actionData={actionData}
        />
      ) : (
        <MergeFinder entity="people" survivorId={survivorId} text={text} found={found} />
      )}
    </div>
  );
}

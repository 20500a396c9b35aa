import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { MergePage } from "../components/merge/merge-page";
import { pageTitle } from "../i18n/meta";
import { mergePageAction, mergePageLoader } from "../services/merge-page.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => t("merge.title.organisations", { name: data?.name ?? "" }));

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  mergePageLoader(request, context, "organisations", params.organisationId ?? "");

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  mergePageAction(request, context, "organisations", params.organisationId ?? "");

export default function MergeOrganisations() {
  return <MergePage entity="organisations" />;
}

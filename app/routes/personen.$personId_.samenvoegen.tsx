import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { MergePage } from "../components/merge/merge-page";
import { pageTitle } from "../i18n/meta";
import { mergePageAction, mergePageLoader } from "../services/merge-page.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => t("merge.title.people", { name: data?.name ?? "" }));

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  mergePageLoader(request, context, "people", params.personId ?? "");

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  mergePageAction(request, context, "people", params.personId ?? "");

export default function MergePeople() {
  return <MergePage entity="people" />;
}

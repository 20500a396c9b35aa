import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DuplicatePairsPage } from "../components/duplicates/duplicate-pairs-page";
import { pageTitle } from "../i18n/meta";
import { duplicatePairsAction, duplicatePairsLoader } from "../services/duplicate-pages.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("duplicates.organisations.title"));

export const loader = (args: LoaderFunctionArgs) => duplicatePairsLoader(args, "organisaties");

export const action = (args: ActionFunctionArgs) => duplicatePairsAction(args, "organisaties");

export default function DuplicateOrganisaties() {
  return <DuplicatePairsPage records="organisaties" data={useLoaderData<typeof loader>()} />;
}

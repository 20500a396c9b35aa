import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DuplicatePairsPage } from "../components/duplicates/duplicate-pairs-page";
import { pageTitle } from "../i18n/meta";
import { duplicatePairsAction, duplicatePairsLoader } from "../services/duplicate-pages.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("duplicates.people.title"));

export const loader = (args: LoaderFunctionArgs) => duplicatePairsLoader(args, "personen");

export const action = (args: ActionFunctionArgs) => duplicatePairsAction(args, "personen");

export default function DuplicatePersonen() {
  return <DuplicatePairsPage records="personen" data={useLoaderData<typeof loader>()} />;
}

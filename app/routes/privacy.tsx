import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PrivacyStatement } from "../components/privacy/privacy-statement";
import { InLanguage } from "../components/unsubscribe/in-language";
import { isLanguage, translator } from "../i18n/index";
import { pageTitle } from "../i18n/meta";
import { PRIVACY_LANGUAGE_PARAM } from "../services/privacy-link";

/**
 * The privacy statement, /privacy: public, in the reader's language; a link from a mail or an
 * unsubscribe page names the language of that text (?taal=en), which then wins.
 */

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data?.language
    ? [{ title: `${translator(data.language)("privacy.title")} — Kring` }]
    : pageTitle(matches, (t) => t("privacy.title"));

export function loader({ request, context }: LoaderFunctionArgs) {
  const asked = new URL(request.url).searchParams.get(PRIVACY_LANGUAGE_PARAM);
  return json({ language: isLanguage(asked) ? asked : null, retentionMonths: context.retentionMonths });
}

export default function Privacy() {
  const { language, retentionMonths } = useLoaderData<typeof loader>();
  return (
    <InLanguage language={language}>
      <PrivacyStatement retentionMonths={retentionMonths} />
    </InLanguage>
  );
}

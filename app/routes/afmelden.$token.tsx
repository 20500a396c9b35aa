import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { PrivacyLink } from "../components/privacy/privacy-link";
import { InLanguage } from "../components/unsubscribe/in-language";
import { InvalidLink } from "../components/unsubscribe/invalid-link";
import { LimitedNotice } from "../components/unsubscribe/limited-notice";
import { OptOutDone } from "../components/unsubscribe/opt-out-done";
import { OptOutForm } from "../components/unsubscribe/opt-out-form";
import { translator } from "../i18n/index";
import { pageTitle } from "../i18n/meta";
import {
  allowUnsubscribeRequest,
  type LinkPage,
  linkPage,
  type OptOutAnswer,
  optOutByLink,
  pageLanguage,
  RETRY_AFTER_SECONDS,
} from "../services/unsubscribe-page.server";

/**
 * An unsubscribe link, /afmelden/<token> (app/services/unsubscribe-token.server.ts): open to
 * anyone who has it, no login. A GET only shows whose link it is and the choices, however often
 * it is fetched (mail filters open every link); only a POST changes anything: the page's button,
 * or the RFC 8058 one-click POST a mail provider sends (without an Origin header: see
 * sameOriginOnly in app/server/security.ts).
 */

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...(data?.language
    ? [{ title: `${translator(data.language)("unsubscribe.title")} — Kring` }]
    : pageTitle(matches, (t) => t("unsubscribe.title"))),
  { name: "robots", content: "noindex" },
];

/** A personal link's page is kept by no cache and no search engine; a refusal says when to come back. */
export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders }) => {
  const headers = new Headers({ "Cache-Control": "no-store", "X-Robots-Tag": "noindex" });
  const retryAfter = actionHeaders.get("Retry-After") ?? loaderHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

const LIMITED = { status: 429, headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } };

const statusOf = (answer: LinkPage | OptOutAnswer) =>
  answer.kind === "limited"
    ? 429
    : answer.kind === "invalid"
      ? answer.reason === "expired"
        ? 410
        : 404
      : answer.kind === "refused"
        ? 400
        : 200;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  if (!(await allowUnsubscribeRequest(context, "linkPage")))
    return json({ page: { kind: "limited" } as const, language: null }, LIMITED);
  const page = await linkPage(context.db, context.pseudonymSecret, params.token ?? "", new Date());
  const language = page.kind === "invalid" ? null : pageLanguage(request, page.language);
  return json({ page, language }, { status: statusOf(page) });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  if (!(await allowUnsubscribeRequest(context, "optOut"))) return json<OptOutAnswer>({ kind: "limited" }, LIMITED);
  // a body that is not a form (a careless client) is an empty form: refused as "choose a scope"
  const formData = await request.formData().catch(() => new FormData());
  const answer = await optOutByLink(context.db, context.pseudonymSecret, params.token ?? "", formData, new Date());
  return json<OptOutAnswer>(answer, { status: statusOf(answer) });
}

export default function UnsubscribeLink() {
  const { page, language } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { pathname } = useLocation();
  let content;
  if (answer?.kind === "limited" || page.kind === "limited") content = <LimitedNotice />;
  else if (answer?.kind === "invalid") content = <InvalidLink reason={answer.reason} />;
  else if (page.kind === "invalid") content = <InvalidLink reason={page.reason} />;
  else if (answer?.kind === "done")
    content = (
      <OptOutDone
        scope={answer.scope}
        changed={answer.changed}
        wave={page.kind === "member" ? page.wave : null}
        again={pathname}
      />
    );
  else
    content = (
      <OptOutForm
        firstName={page.firstName}
        wave={page.kind === "member" ? page.wave : null}
        excluded={page.kind === "member" && page.excluded}
        scopes={page.scopes}
        actionData={answer?.kind === "refused" ? answer : null}
      />
    );
  return (
    <InLanguage language={language}>
      <div className="mx-auto max-w-xl">
        <div className="card space-y-4">{content}</div>
        <p className="mt-4 text-sm">
          <PrivacyLink />
        </p>
      </div>
    </InLanguage>
  );
}

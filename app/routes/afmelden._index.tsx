import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PrivacyLink } from "../components/privacy/privacy-link";
import { SubmitButton, SuccessNotice, TextField, ValidatedForm } from "../components/form";
import { LimitedNotice } from "../components/unsubscribe/limited-notice";
import { pageTitle } from "../i18n/meta";
import { type FormFailure, parseForm } from "../services/form-data";
import { unsubscribeAddressSchema } from "../services/unsubscribe-form";
import { allowUnsubscribeRequest, RETRY_AFTER_SECONDS } from "../services/unsubscribe-page.server";
import { FRESH_LINK_DAYS, requestUnsubscribeLinks } from "../services/unsubscribe-requests.server";

/**
 * Unsubscribing by e-mail address, /afmelden: for whoever's link was changed, cut short or has
 * expired (that page links here). No login. The answer is the same whether or not the address is
 * in the register; a known address gets a message with fresh links.
 */

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, (t) => t("unsubscribe.address.title")),
  { name: "robots", content: "noindex" },
];

export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders }) => {
  const headers = new Headers({ "Cache-Control": "no-store" });
  const retryAfter = actionHeaders.get("Retry-After") ?? loaderHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

export type AddressAnswer = { kind: "limited" } | ({ kind: "refused" } & FormFailure) | { kind: "sent"; days: number };

const LIMITED = { status: 429, headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } };

export async function loader({ context }: LoaderFunctionArgs) {
  if (!(await allowUnsubscribeRequest(context, "addressPage"))) return json({ limited: true }, LIMITED);
  return json({ limited: false });
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (!(await allowUnsubscribeRequest(context, "addressForm")))
    return json<AddressAnswer>({ kind: "limited" }, LIMITED);
  const parsed = parseForm(unsubscribeAddressSchema, await request.formData());
  if (!parsed.ok) return json<AddressAnswer>({ kind: "refused", ...parsed }, { status: 400 });
  const { delivery } = await requestUnsubscribeLinks(context, parsed.data.email);
  // not awaited: the answer must not take longer for an address that gets a message
  void delivery;
  return json<AddressAnswer>({ kind: "sent", days: FRESH_LINK_DAYS });
}

export default function UnsubscribeByAddress() {
  const { limited } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  let content;
  if (limited || answer?.kind === "limited") content = <LimitedNotice />;
  else
    content = (
      <>
        <h1 className="text-2xl font-bold">{t("unsubscribe.address.title")}</h1>
        {answer?.kind === "sent" ? (
          <SuccessNotice>{t("unsubscribe.address.sent", { count: answer.days })}</SuccessNotice>
        ) : (
          <>
            <p>{t("unsubscribe.address.intro")}</p>
            <ValidatedForm
              id="afmelden-adres"
              schema={unsubscribeAddressSchema}
              actionData={answer?.kind === "refused" ? answer : null}
              className="space-y-4"
            >
              <TextField
                name="email"
                type="email"
                label={t("unsubscribe.address.email")}
                autoComplete="email"
                required
              />
              <SubmitButton>{t("unsubscribe.address.submit")}</SubmitButton>
            </ValidatedForm>
          </>
        )}
      </>
    );
  return (
    <div className="mx-auto max-w-xl">
      <div className="card space-y-4">{content}</div>
      <p className="mt-4 text-sm">
        <PrivacyLink />
      </p>
    </div>
  );
}

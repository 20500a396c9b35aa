import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { can } from "../auth/permissions";
import { PageRefusal } from "../components/refusal-alert";
import { CheckboxField, HiddenField, SubmitButton, SuccessNotice, UndoNotice, ValidatedForm } from "../components/form";
import { formatMoment } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { getBody } from "../models/bodies.server";
import { activeFeed, createFeed, restoreFeed, revokeFeed } from "../models/calendar.server";
import { checkbox, parseForm, positiveInt } from "../services/form-data";
import { oneOf, positiveIntFrom } from "../services/list-params";
import { recordIdParam } from "../services/record-id";
import { refusalResponse } from "../services/refusal.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => (data ? t("calendar.page.title", { body: data.body.name }) : t("calendar.title")));

const createSchema = z.object({ intent: z.literal("create") });

/** Replacing and revoking break every subscription to the old address: a ticked box confirms it. */
const replaceSchema = z.object({
  intent: z.literal("replace"),
  feed: positiveInt(),
  confirm: checkbox().refine((ticked) => ticked, "calendar.errors.confirmReplace"),
});

const revokeSchema = z.object({
  intent: z.literal("revoke"),
  feed: positiveInt(),
  confirm: checkbox().refine((ticked) => ticked, "calendar.errors.confirmRevoke"),
});

const undoSchema = z.object({ intent: z.literal("undo"), feed: positiveInt() });

const SCHEMAS = { create: createSchema, replace: replaceSchema, revoke: revokeSchema, undo: undoSchema } as const;
type Intent = keyof typeof SCHEMAS;
const isIntent = (value: unknown): value is Intent => typeof value === "string" && value in SCHEMAS;

const NOTICES = ["aangemaakt", "vervangen", "ingetrokken", "teruggezet"] as const;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.read");
  const body = await getBody(context.db, recordIdParam(params.bodyId));
  if (!body) throw new Response(null, { status: 404, statusText: "Not Found" });
  const feed = await activeFeed(context.db, body.id);
  const url = new URL(request.url);
  const address = feed ? `${url.origin}/agenda/${feed.token}.ics` : null;
  return json({
    body: { id: body.id, name: body.name, archived: body.archived_at !== null },
    feed:
      feed && address
        ? {
            id: feed.id,
            address,
            webcal: address.replace(/^https?:/, "webcal:"),
            createdAt: feed.created_at,
            createdBy: feed.created_by_name,
          }
        : null,
    canCreate: can(user.role, "register.edit") && body.archived_at === null,
    canManage: can(user.role, "calendar.manage"),
    notice: oneOf(url.searchParams, "opgeslagen", NOTICES) ?? null,
    revokedFeedId: positiveIntFrom(url.searchParams, "link") ?? null,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "register.edit");
  const bodyId = recordIdParam(params.bodyId);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (!isIntent(intent)) throw new Response(null, { status: 400, statusText: "Bad Request" });
  // editors may make the first link; replacing, revoking and bringing one back are for beheerders
  if (intent !== "create" && !can(user.role, "calendar.manage"))
    throw new Response(null, { status: 403, statusText: "Forbidden" });
  const parsed = parseForm(SCHEMAS[intent], formData);
  if (!parsed.ok) return json({ ...parsed, intent }, { status: 400 });
  const data = parsed.data;
  const back = `/gremia/${bodyId}/agenda`;
  try {
    switch (data.intent) {
      case "create":
        await createFeed(context.db, user, bodyId, null);
        return redirect(`${back}?opgeslagen=aangemaakt`);
      case "replace":
        await createFeed(context.db, user, bodyId, data.feed);
        return redirect(`${back}?opgeslagen=vervangen`);
      case "revoke":
        await revokeFeed(context.db, user, data.feed);
        return redirect(`${back}?opgeslagen=ingetrokken&link=${data.feed}`);
      case "undo":
        await restoreFeed(context.db, user, data.feed);
        return redirect(`${back}?opgeslagen=teruggezet`);
    }
  } catch (error) {
    return refusalResponse(error, formData, { intent });
  }
}

/** Copies the address with one click where the browser allows it; without JavaScript the field is there to select. */
function CopyButton({ address }: { address: string }) {
  const { t } = useTranslation();
  const [available, setAvailable] = useState(false);
  const [outcome, setOutcome] = useState<"copied" | "copyFailed" | null>(null);
  useEffect(() => setAvailable(typeof navigator !== "undefined" && navigator.clipboard !== undefined), []);
  if (!available) return null;
  const copy = () =>
    navigator.clipboard.writeText(address).then(
      () => setOutcome("copied"),
      () => setOutcome("copyFailed"),
    );
  return (
    <>
      <button type="button" className="btn-secondary" onClick={() => void copy()}>
        {t("calendar.page.copy")}
      </button>
      <span aria-live="polite" className="text-sm text-slate-700">
        {outcome ? t(`calendar.page.${outcome}`) : ""}
      </span>
    </>
  );
}

export default function BodyCalendar() {
  const { body, feed, canCreate, canManage, notice, revokedFeedId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  // A refusal belongs to the form it came from only while that form is still about the same link:
  // after someone else's change the page shows the current link, and the refusal above the forms.
  const refused = actionData && "intent" in actionData ? actionData : null;
  const shownWith = (intent: Intent) =>
    intent === "create"
      ? feed === null
      : intent !== "undo" && feed !== null && refused?.values.feed === String(feed.id);
  const forForm = (intent: Intent) => (refused?.intent === intent && shownWith(intent) ? refused : null);
  const pageRefusal = refused && !shownWith(refused.intent) ? Object.values(refused.errors) : [];
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to={`/gremia/${body.id}`}>{t("calendar.page.back", { body: body.name })}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("calendar.page.title", { body: body.name })}</h1>
        <p className="mt-2 text-slate-700">{t("calendar.page.intro", { body: body.name })}</p>
      </div>
      {notice === "ingetrokken" && canManage && revokedFeedId && !feed ? (
        <UndoNotice fields={{ feed: revokedFeedId }}>{t("calendar.page.notices.ingetrokken")}</UndoNotice>
      ) : notice ? (
        <SuccessNotice>{t(`calendar.page.notices.${notice}`)}</SuccessNotice>
      ) : null}
      <PageRefusal messageKeys={pageRefusal} />

      <section aria-labelledby="feed-heading" className="card space-y-4">
        <h2 id="feed-heading" className="text-lg font-semibold">
          {t("calendar.page.subscribeHeading")}
        </h2>
        {feed ? (
          <>
            <p className="text-sm text-slate-700">{t("calendar.page.howTo")}</p>
            <div>
              <label htmlFor="feed-address" className="field-label">
                {t("calendar.page.address")}
              </label>
              <div className="mt-1 flex flex-wrap items-center gap-3">
                <input
                  id="feed-address"
                  readOnly
                  value={feed.address}
                  onFocus={(event) => event.currentTarget.select()}
                  className="field-input w-full font-mono text-sm"
                />
                <CopyButton address={feed.address} />
                <a href={feed.webcal}>{t("calendar.page.openInApp")}</a>
              </div>
            </div>
            <p className="text-sm text-slate-700">{t("calendar.page.secret")}</p>
            <p className="text-sm text-slate-600">
              {feed.createdBy
                ? t("calendar.page.created", { name: feed.createdBy, date: formatMoment(feed.createdAt, language) })
                : t("calendar.page.createdUnknown", { date: formatMoment(feed.createdAt, language) })}
            </p>
          </>
        ) : (
          <>
            <p>{t("calendar.page.none")}</p>
            {canCreate ? (
              <ValidatedForm
                id="create-feed"
                schema={createSchema}
                actionData={forForm("create")}
                defaultValues={{ intent: "create" }}
              >
                <HiddenField name="intent" />
                <SubmitButton>{t("calendar.page.create")}</SubmitButton>
              </ValidatedForm>
            ) : body.archived ? null : (
              <p className="text-sm text-slate-600">{t("calendar.page.noneReader")}</p>
            )}
          </>
        )}
      </section>

      {feed && canManage ? (
        <section aria-labelledby="manage-heading" className="card space-y-6">
          <h2 id="manage-heading" className="text-lg font-semibold">
            {t("calendar.page.manageHeading")}
          </h2>
          <ValidatedForm
            id="revoke-feed"
            key={`revoke-${feed.id}`}
            schema={revokeSchema}
            actionData={forForm("revoke")}
            defaultValues={{ intent: "revoke", feed: feed.id }}
            className="space-y-3"
          >
            <p className="text-sm text-slate-700">{t("calendar.page.revokeText")}</p>
            <HiddenField name="intent" />
            <HiddenField name="feed" />
            <CheckboxField name="confirm" label={t("calendar.page.revokeConfirm", { body: body.name })} />
            <SubmitButton className="btn-danger">{t("calendar.page.revoke")}</SubmitButton>
          </ValidatedForm>
          <ValidatedForm
            id="replace-feed"
            key={`replace-${feed.id}`}
            schema={replaceSchema}
            actionData={forForm("replace")}
            defaultValues={{ intent: "replace", feed: feed.id }}
            className="space-y-3"
          >
            <p className="text-sm text-slate-700">{t("calendar.page.replaceText")}</p>
            <HiddenField name="intent" />
            <HiddenField name="feed" />
            <CheckboxField name="confirm" label={t("calendar.page.replaceConfirm", { body: body.name })} />
            <SubmitButton className="btn-secondary">{t("calendar.page.replace")}</SubmitButton>
          </ValidatedForm>
        </section>
      ) : null}
    </div>
  );
}

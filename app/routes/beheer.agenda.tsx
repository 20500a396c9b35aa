import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { PageRefusal } from "../components/refusal-alert";
import { CheckboxField, HiddenField, SubmitButton, SuccessNotice, UndoNotice, ValidatedForm } from "../components/form";
import { formatMoment } from "../i18n/format";
import type { MessageKey } from "../i18n/keys";
import { pageTitle } from "../i18n/meta";
import { getFeed, listFeeds, restoreFeed, revokeFeed } from "../models/calendar.server";
import { checkbox, messageKey, parseForm, positiveInt } from "../services/form-data";
import { positiveIntFrom } from "../services/list-params";
import { type Notice, noticeFrom, withNotice } from "../services/notices";
import { refusalResponse } from "../services/refusal.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("calendar.title"));

const revokeSchema = z.object({
  intent: z.literal("revoke"),
  feed: positiveInt(),
  confirm: checkbox().refine((ticked) => ticked, messageKey("calendar.errors.confirmRevoke")),
});

const undoSchema = z.object({ intent: z.literal("undo"), feed: positiveInt() });

const SCHEMAS = { revoke: revokeSchema, undo: undoSchema } as const;
type Intent = keyof typeof SCHEMAS;
const isIntent = (value: unknown): value is Intent => typeof value === "string" && Object.hasOwn(SCHEMAS, value);

const PAGE_NOTICES = ["ingetrokken", "ongedaan"] as const satisfies readonly Notice[];

const NOTICE_TEXTS = {
  ingetrokken: "calendar.admin.revoked",
  ongedaan: "calendar.admin.restored",
} satisfies Record<(typeof PAGE_NOTICES)[number], MessageKey>;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "calendar.manage");
  const search = new URL(request.url).searchParams;
  const notice = noticeFrom(search, PAGE_NOTICES);
  // both notices name the link: the one the undo brings back, the one brought back
  const noticeFeedId = notice ? positiveIntFrom(search, "id") : undefined;
  const [feeds, noticeFeed] = await Promise.all([
    listFeeds(context.db),
    noticeFeedId ? getFeed(context.db, noticeFeedId) : null,
  ]);
  // said only while the link is as the change left it, revoked or working again (someone may have changed it since)
  const stillSo = noticeFeed && (noticeFeed.revoked_at !== null) === (notice === "ingetrokken");
  return json({
    feeds: feeds.map((feed) => ({
      id: feed.id,
      bodyId: feed.body_id,
      bodyName: feed.body_name,
      createdAt: feed.created_at,
      createdBy: feed.created_by_name,
      tokenStart: feed.token_start,
    })),
    notice: notice && stillSo ? { kind: notice, feedId: noticeFeed.id, bodyName: noticeFeed.body_name } : null,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "calendar.manage");
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (!isIntent(intent)) throw new Response(null, { status: 400, statusText: "Bad Request" });
  const parsed = parseForm(SCHEMAS[intent], formData);
  if (!parsed.ok) return json({ ...parsed, intent }, { status: 400 });
  const { feed } = parsed.data;
  try {
    if (intent === "revoke") {
      await revokeFeed(context.db, user, feed);
      return redirect(withNotice("/beheer/agenda", "ingetrokken", { id: feed }));
    }
    await restoreFeed(context.db, user, feed);
    return redirect(withNotice("/beheer/agenda", "ongedaan", { id: feed }));
  } catch (error) {
    return refusalResponse(error, formData, { intent });
  }
}

export default function CalendarFeeds() {
  const { feeds, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const refused = actionData && "intent" in actionData ? actionData : null;
  const refusedRow =
    refused?.intent === "revoke" ? feeds.find((feed) => refused.values.feed === String(feed.id)) : undefined;
  const pageRefusal = refused && !refusedRow ? Object.values(refused.errors) : [];
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("calendar.title")}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t("calendar.admin.intro")}</p>
      </div>
      {notice?.kind === "ingetrokken" ? (
        <UndoNotice fields={{ feed: notice.feedId }}>
          {t(NOTICE_TEXTS[notice.kind], { body: notice.bodyName })}
        </UndoNotice>
      ) : notice ? (
        <SuccessNotice>{t(NOTICE_TEXTS[notice.kind], { body: notice.bodyName })}</SuccessNotice>
      ) : null}
      <PageRefusal messageKeys={pageRefusal} />

      {feeds.length === 0 ? (
        <p className="card">{t("calendar.admin.none")}</p>
      ) : (
        <div className="card overflow-x-auto">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("calendar.admin.body")}</th>
                <th scope="col">{t("calendar.admin.addressStart")}</th>
                <th scope="col">{t("calendar.admin.createdBy")}</th>
                <th scope="col">{t("calendar.admin.createdAt")}</th>
                <th scope="col">{t("calendar.admin.revokeHeading")}</th>
              </tr>
            </thead>
            <tbody>
              {feeds.map((feed) => (
                <tr key={feed.id}>
                  <th scope="row" className="font-normal">
                    <Link to={`/gremia/${feed.bodyId}/agenda`}>{feed.bodyName}</Link>
                  </th>
                  <td>
                    <code className="font-mono">/agenda/{feed.tokenStart}…</code>
                  </td>
                  <td>{feed.createdBy ?? t("calendar.admin.unknownUser")}</td>
                  <td>{formatMoment(feed.createdAt, language)}</td>
                  <td>
                    <ValidatedForm
                      id={`revoke-${feed.id}`}
                      schema={revokeSchema}
                      actionData={refusedRow?.id === feed.id ? refused : null}
                      defaultValues={{ intent: "revoke", feed: feed.id }}
                      className="space-y-2"
                    >
                      <HiddenField name="intent" />
                      <HiddenField name="feed" />
                      <CheckboxField
                        name="confirm"
                        label={t("calendar.admin.revokeConfirm", { body: feed.bodyName })}
                      />
                      <SubmitButton className="btn-danger">{t("calendar.admin.revoke")}</SubmitButton>
                    </ValidatedForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

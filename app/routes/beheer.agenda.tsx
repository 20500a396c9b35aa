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
import { pageTitle } from "../i18n/meta";
import { getFeed, listFeeds, restoreFeed, revokeFeed } from "../models/calendar.server";
import { checkbox, messageKey, parseForm, positiveInt } from "../services/form-data";
import { positiveIntFrom } from "../services/list-params";
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
const isIntent = (value: unknown): value is Intent => typeof value === "string" && value in SCHEMAS;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "calendar.manage");
  const search = new URL(request.url).searchParams;
  const revokedId = positiveIntFrom(search, "ingetrokken");
  const restoredId = positiveIntFrom(search, "teruggezet");
  const [feeds, revoked, restored] = await Promise.all([
    listFeeds(context.db),
    revokedId ? getFeed(context.db, revokedId) : null,
    restoredId ? getFeed(context.db, restoredId) : null,
  ]);
  return json({
    feeds: feeds.map((feed) => ({
      id: feed.id,
      bodyId: feed.body_id,
      bodyName: feed.body_name,
      createdAt: feed.created_at,
      createdBy: feed.created_by_name,
    })),
    revoked: revoked?.revoked_at ? { id: revoked.id, bodyName: revoked.body_name } : null,
    restored: restored && !restored.revoked_at ? { bodyName: restored.body_name } : null,
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
      return redirect(`/beheer/agenda?ingetrokken=${feed}`);
    }
    await restoreFeed(context.db, user, feed);
    return redirect(`/beheer/agenda?teruggezet=${feed}`);
  } catch (error) {
    return refusalResponse(error, formData, { intent });
  }
}

export default function CalendarFeeds() {
  const { feeds, revoked, restored } = useLoaderData<typeof loader>();
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
      {revoked ? (
        <UndoNotice fields={{ feed: revoked.id }}>{t("calendar.admin.revoked", { body: revoked.bodyName })}</UndoNotice>
      ) : restored ? (
        <SuccessNotice>{t("calendar.admin.restored", { body: restored.bodyName })}</SuccessNotice>
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

import type {
  ActionFunctionArgs,
  AppLoadContext,
  LoaderFunctionArgs,
  MetaFunction,
  TypedResponse,
} from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guard.server";
import { regionOfBody } from "../models/record-regions.server";
import { can } from "../auth/permissions";
import { FeedAddress } from "../components/calendar/feed-address";
import { FeedManagement } from "../components/calendar/feed-management";
import { HiddenField, SubmitButton, SuccessNotice, UndoNotice, ValidatedForm } from "../components/form";
import { PageRefusal } from "../components/refusal-alert";
import type { MessageKey } from "../i18n/keys";
import { pageTitle } from "../i18n/meta";
import { getBody } from "../models/bodies.server";
import { activeFeed } from "../models/calendar.server";
import { changeFeed } from "../services/calendar-feed-changes.server";
import {
  CALENDAR_FEED_NOTICES,
  CALENDAR_FEED_SCHEMAS,
  type CalendarFeedAnswer,
  type CalendarFeedNotice,
  createSchema,
  isCalendarFeedIntent,
  placeFeedRefusal,
} from "../services/calendar-feed-forms";
import { parseForm } from "../services/form-data";
import { positiveIntFrom } from "../services/list-params";
import { noticeFrom } from "../services/notices";
import { recordIdParam } from "../services/record-id";
import { refusalResponse } from "../services/refusal.server";
import { appOrigin } from "../services/app-origin.server";

const NOTICE_TEXTS = {
  ingetrokken: "calendar.page.notices.ingetrokken",
  ongedaan: "calendar.page.notices.teruggezet",
} satisfies Record<CalendarFeedNotice, MessageKey>;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => (data ? t("calendar.page.title", { body: data.body.name }) : t("calendar.title")));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.read", {
    record: regionOfBody(recordIdParam(params.bodyId)),
  });
  const body = await getBody(context.db, recordIdParam(params.bodyId));
  if (!body) throw new Response(null, { status: 404, statusText: "Not Found" });
  const feed = await activeFeed(context.db, body.id);
  const url = new URL(request.url);
  const notice = noticeFrom(url.searchParams, CALENDAR_FEED_NOTICES);
  return json({
    body: { id: body.id, name: body.name, archived: body.archived_at !== null },
    feed: feed
      ? {
          id: feed.id,
          addressStart: feedAddress(request, context, feed.token_start),
          createdAt: feed.created_at,
          createdBy: feed.created_by_name,
        }
      : null,
    canCreate: can(user, "register.edit", body.region_id) && body.archived_at === null,
    canManage: can(user, "calendar.manage"),
    notice,
    revokedFeedId: notice === "ingetrokken" ? (positiveIntFrom(url.searchParams, "id") ?? null) : null,
  });
}

export async function action({
  request,
  context,
  params,
}: ActionFunctionArgs): Promise<TypedResponse<CalendarFeedAnswer>> {
  const user = await requirePermission(request, context, "register.edit", {
    record: regionOfBody(recordIdParam(params.bodyId)),
  });
  const bodyId = recordIdParam(params.bodyId);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (!isCalendarFeedIntent(intent)) throw new Response(null, { status: 400, statusText: "Bad Request" });
  // editors may make the first link; replacing, revoking and bringing one back are for beheerders
  if (intent !== "create" && !can(user, "calendar.manage"))
    throw new Response(null, { status: 403, statusText: "Forbidden" });
  const parsed = parseForm(CALENDAR_FEED_SCHEMAS[intent], formData);
  if (!parsed.ok) return json({ ...parsed, kind: "refused", intent }, { status: 400 });
  try {
    const outcome = await changeFeed(context.db, user, bodyId, parsed.data);
    if ("redirectTo" in outcome) return redirect(outcome.redirectTo);
    const address = feedAddress(request, context, `${outcome.made.token}.ics`);
    // the one answer that holds the address: no cache may keep it
    return json(
      { kind: "made", replaced: outcome.replaced, feedId: outcome.made.feed.id, address, webcal: webcal(address) },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return refusalResponse(error, formData, { kind: "refused" as const, intent });
  }
}

const feedAddress = (request: Request, context: AppLoadContext, rest: string) =>
  `${appOrigin(request, context)}/agenda/${rest}`;
const webcal = (address: string) => address.replace(/^https?:/, "webcal:");

export default function BodyCalendar() {
  const { body, feed, canCreate, canManage, notice, revokedFeedId } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() ?? null;
  const refusal = placeFeedRefusal(answer?.kind === "refused" ? answer : null, feed?.id ?? null);
  // the address is shown only in the answer that made it, while that link is still the live one
  const made = answer?.kind === "made" && answer.feedId === feed?.id ? answer : null;
  const { t } = useTranslation();
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to={`/gremia/${body.id}`}>{t("calendar.page.back", { body: body.name })}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("calendar.page.title", { body: body.name })}</h1>
        <p className="mt-2 text-slate-700">{t("calendar.page.intro", { body: body.name })}</p>
      </div>
      {made ? (
        <SuccessNotice>
          {t(made.replaced ? "calendar.page.notices.vervangen" : "calendar.page.notices.aangemaakt")}
        </SuccessNotice>
      ) : notice === "ingetrokken" && canManage && revokedFeedId && !feed ? (
        <UndoNotice fields={{ feed: revokedFeedId }}>{t(NOTICE_TEXTS[notice])}</UndoNotice>
      ) : notice ? (
        <SuccessNotice>{t(NOTICE_TEXTS[notice])}</SuccessNotice>
      ) : null}
      <PageRefusal messageKeys={refusal.onPage} />

      <section aria-labelledby="feed-heading" className="card space-y-4">
        <h2 id="feed-heading" className="text-lg font-semibold">
          {t("calendar.page.subscribeHeading")}
        </h2>
        {feed ? (
          <FeedAddress feed={feed} made={made} />
        ) : (
          <>
            <p>{t("calendar.page.none")}</p>
            {canCreate ? (
              <ValidatedForm
                id="create-feed"
                schema={createSchema}
                actionData={refusal.forForm("create")}
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
        <FeedManagement
          feedId={feed.id}
          bodyName={body.name}
          revokeRefusal={refusal.forForm("revoke")}
          replaceRefusal={refusal.forForm("replace")}
        />
      ) : null}
    </div>
  );
}

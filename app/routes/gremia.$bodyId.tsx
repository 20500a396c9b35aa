import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, TypedResponse } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { regionOfBody } from "../models/record-regions.server";
import { can } from "../auth/permissions";
import { AddSeatSection } from "../components/bodies/add-seat-section";
import { BodyMeetings } from "../components/bodies/body-meetings";
import { BodySummary } from "../components/bodies/body-summary";
import { RosterHistory } from "../components/bodies/roster-history";
import { RosterSection } from "../components/bodies/roster-section";
import { SuccessNotice } from "../components/form";
import { PlainLinks } from "../components/plain-links";
import { formatMoment, todayInAmsterdam } from "../i18n/format";
import type { MessageKey } from "../i18n/keys";
import { pageTitle } from "../i18n/meta";
import { bodyRoster, getBody } from "../models/bodies.server";
import { constituencyChoices } from "../models/governance.server";
import { bodyMeetings } from "../models/meetings.server";
import { addSeat } from "../models/seats.server";
import { parseForm } from "../services/form-data";
import { withNotice } from "../services/notices";
import { recordIdParam } from "../services/record-id";
import { rosterAddress } from "../services/roster-address";
import { rosterLabels } from "../services/roster-labels";
import { HISTORY_SHOWN, type RosterNotice, rosterPageAddress, rosterView } from "../services/roster-view";
import { NO_CHOICES, type RefusedAnswer, type SearchedAnswer } from "../services/seat-choices";
import { seatFormAnswers } from "../services/seat-choices.server";
import { addSeatSchema, chosenOnAddForm, seatFromAddForm } from "../services/seat-forms";

/** The action's answer when no seat was added: a search of the add form, or a refusal. */
export type AddSeatAnswer = SearchedAnswer | RefusedAnswer;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => data?.body.name ?? t("register.bodies.title"));

const NOTICE_TEXTS = {
  aangemaakt: "bodies.page.notices.aangemaakt",
  opgeslagen: "bodies.page.notices.gewijzigd",
  toegevoegd: "bodies.page.notices.toegevoegd",
  verplaatst: "bodies.page.notices.verplaatst",
  vervuld: "bodies.page.notices.vervuld",
} satisfies Record<RosterNotice, MessageKey>;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.read", {
    record: regionOfBody(recordIdParam(params.bodyId)),
  });
  const body = await getBody(context.db, recordIdParam(params.bodyId));
  if (!body) throw new Response(null, { status: 404, statusText: "Not Found" });
  const today = todayInAmsterdam();
  const view = rosterView(new URL(request.url).searchParams, today);
  const canEdit = can(user, "register.edit", body.region_id);
  const canAddSeat = canEdit && !body.archived_at;
  const [{ roster, changes, history, historyTotal }, meetings, constituencies] = await Promise.all([
    bodyRoster(context.db, body.id, view.onDay, view.allHistory ? null : HISTORY_SHOWN),
    bodyMeetings(context.db, body.id, today),
    canAddSeat ? constituencyChoices(context.db, body.region_id) : null,
  ]);
  return json({
    body,
    ...view,
    today,
    roster,
    changes,
    history,
    historyTotal,
    canEdit,
    canAddSeat,
    meetings,
    constituencies,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs): Promise<TypedResponse<AddSeatAnswer>> {
  const user = await requirePermission(request, context, "register.edit", {
    record: regionOfBody(recordIdParam(params.bodyId)),
  });
  const bodyId = recordIdParam(params.bodyId);
  const formData = await request.formData();
  const today = todayInAmsterdam();
  const answers = seatFormAnswers(context.db, formData, user.language, (values) => chosenOnAddForm(values, today), {});
  if (answers.searched) return answers.searched();
  const parsed = parseForm(addSeatSchema, formData);
  if (!parsed.ok) return answers.invalid(parsed);
  try {
    const seat = await addSeat(context.db, user, bodyId, seatFromAddForm(parsed.data));
    return redirect(withNotice(rosterAddress(bodyId, parsed.data.start_date, today), "toegevoegd", { id: seat.id }));
  } catch (error) {
    return answers.refused(error);
  }
}

export default function Body() {
  const {
    body,
    onDay,
    today,
    invalidDate,
    roster,
    changes,
    history,
    historyTotal,
    allHistory,
    canEdit,
    canAddSeat,
    meetings,
    constituencies,
    notice,
    addedSeatId,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const labels = rosterLabels(t, language);
  return (
    // the page's links are plain anchors: a <Link> costs more to render than the row it sits in
    <PlainLinks className="space-y-6">
      <BodySummary body={body} canEdit={canEdit} />
      {notice ? <SuccessNotice>{t(NOTICE_TEXTS[notice])}</SuccessNotice> : null}
      {body.archived_at ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t("bodies.page.archivedNotice", { date: formatMoment(body.archived_at, language) })}
        </p>
      ) : null}
      <RosterSection
        bodyId={body.id}
        onDay={onDay}
        today={today}
        invalidDate={invalidDate}
        changes={changes}
        roster={roster}
        labels={labels}
        addedSeatId={addedSeatId}
        canEdit={canEdit}
      />
      {canAddSeat && constituencies ? (
        <AddSeatSection
          action={rosterPageAddress(body.id, { onDay, today, allHistory })}
          today={today}
          actionData={actionData ?? null}
          choices={actionData?.choices ?? NO_CHOICES}
          constituencies={constituencies}
          roundTrip={actionData?.roundTrip ?? ""}
          addedSeatId={addedSeatId}
        />
      ) : null}
      <BodyMeetings bodyId={body.id} canPlan={canEdit && !body.archived_at} meetings={meetings} />
      <RosterHistory
        bodyId={body.id}
        onDay={onDay}
        today={today}
        allHistory={allHistory}
        history={history}
        historyTotal={historyTotal}
        labels={labels}
      />
    </PlainLinks>
  );
}

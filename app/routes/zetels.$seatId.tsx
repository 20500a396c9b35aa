import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, TypedResponse } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { regionOfSeat } from "../models/record-regions.server";
import { can } from "../auth/permissions";
import { SuccessNotice, UndoNotice } from "../components/form";
import { RefusalAlert } from "../components/refusal-alert";
import { EditSeatSection } from "../components/seats/edit-seat-section";
import { EndSeatSection } from "../components/seats/end-seat-section";
import { FillVacancySection } from "../components/seats/fill-vacancy-section";
import { MoveSeatSection } from "../components/seats/move-seat-section";
import { SeatSummary } from "../components/seats/seat-summary";
import { formatDay, todayInAmsterdam } from "../i18n/format";
import type { MessageKey } from "../i18n/keys";
import { pageTitle } from "../i18n/meta";
import { constituencyChoices } from "../models/governance.server";
import { getSeat } from "../models/seats.server";
import { parseForm } from "../services/form-data";
import { positiveIntFrom } from "../services/list-params";
import { type Notice, noticeFrom } from "../services/notices";
import { recordIdParam } from "../services/record-id";
import { changeSeat, seatPageAnswers } from "../services/seat-changes.server";
import type { RefusedAnswer, SearchedAnswer, SeatChoices } from "../services/seat-choices";
import { offeredChoices } from "../services/seat-choices.server";
import { readableSeatConflict } from "../services/seat-conflict";
import { chosenOnSeatPage, isSeatIntent, SEAT_PAGE_SCHEMAS, type SeatIntent } from "../services/seat-forms";

/** The action's answer when nothing was saved, for the form `intent` (end and undo offer no choices). */
export type SeatPageAnswer = (SearchedAnswer | RefusedAnswer<SeatChoices | null>) & { intent: SeatIntent };

const PAGE_NOTICES = ["opgeslagen", "beeindigd", "ongedaan"] as const satisfies readonly Notice[];

const NOTICE_TEXTS = {
  opgeslagen: "bodies.seat.saved",
  beeindigd: "bodies.seat.ended",
  ongedaan: "bodies.seat.undone",
} satisfies Record<(typeof PAGE_NOTICES)[number], MessageKey>;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data
      ? t("bodies.seat.title", { role: t(`register.roles.${data.seat.role}`), body: data.seat.body_name })
      : t("register.bodies.title"),
  );

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.read", {
    record: regionOfSeat(recordIdParam(params.seatId)),
  });
  const seat = await getSeat(context.db, recordIdParam(params.seatId));
  if (!seat) throw new Response(null, { status: 404, statusText: "Not Found" });
  const search = new URL(request.url).searchParams;
  const today = todayInAmsterdam();
  const notice = noticeFrom(search, PAGE_NOTICES);
  return json({
    seat,
    today,
    // the forms' choices, for editors only: their presence is what shows the forms
    choices: can(user, "register.edit", seat.region_id)
      ? await offeredChoices(context.db, chosenOnSeatPage(seat, {}, today), user.language)
      : null,
    constituencies: await constituencyChoices(context.db, seat.body_region_id),
    notice,
    // the version the end produced: the undo button takes the end back against it
    endedVersion: notice === "beeindigd" && seat.end_date ? (positiveIntFrom(search, "versie") ?? null) : null,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs): Promise<TypedResponse<SeatPageAnswer>> {
  const user = await requirePermission(request, context, "register.edit", {
    record: regionOfSeat(recordIdParam(params.seatId)),
  });
  const seatId = recordIdParam(params.seatId);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (!isSeatIntent(intent)) throw new Response(null, { status: 400, statusText: "Bad Request" });
  const today = todayInAmsterdam();
  const answers = await seatPageAnswers(context.db, seatId, intent, formData, today, user.language);
  if (answers.searched) return answers.searched();
  const parsed = parseForm(SEAT_PAGE_SCHEMAS[intent], formData);
  if (!parsed.ok) return answers.invalid(parsed);
  try {
    return redirect(await changeSeat(context.db, user, seatId, parsed.data, today));
  } catch (error) {
    return answers.refused(error);
  }
}

export default function SeatPage() {
  const { seat, today, choices, constituencies, notice, endedVersion } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const forForm = (intent: SeatIntent) =>
    actionData && actionData.intent === intent
      ? {
          ...actionData,
          conflict:
            actionData.kind === "refused"
              ? readableSeatConflict(actionData.conflict, actionData.choices?.organisations ?? [], t, language)
              : undefined,
        }
      : null;
  /** What a form offers: after its own round trip what the action answered, else what the page loaded. */
  const choicesOf = (intent: SeatIntent, loaded: SeatChoices): SeatChoices => forForm(intent)?.choices ?? loaded;
  const roundTripOf = (intent: SeatIntent) => forForm(intent)?.roundTrip ?? "";
  const fieldLabels = {
    role: t("bodies.addSeat.role"),
    organisation_id: t("bodies.seat.organisation"),
    constituency_sector_id: t("governance.constituency.sector"),
    constituency_subregion_id: t("governance.constituency.subregion"),
    start_date: t("bodies.seat.from"),
    end_date: t("bodies.seat.to"),
    note: t("bodies.seat.note"),
    person_id: t("bodies.seat.person"),
  };
  const open = seat.end_date === null || seat.end_date > today;
  const changeable = open && !seat.body_archived_at;
  return (
    <div className="max-w-3xl space-y-6">
      <SeatSummary seat={seat} />
      {notice === "beeindigd" ? (
        endedVersion && seat.end_date ? (
          <UndoNotice fields={{ version: endedVersion }}>
            {t(NOTICE_TEXTS[notice], { date: formatDay(seat.end_date, language) })}
          </UndoNotice>
        ) : null
      ) : notice ? (
        <SuccessNotice>{t(NOTICE_TEXTS[notice])}</SuccessNotice>
      ) : null}
      <RefusalAlert title={t("bodies.undoRefused")} refusal={forForm("undo")} staleText={t("bodies.seat.undoStale")} />

      {choices ? (
        <>
          {seat.person_id === null && changeable ? (
            <FillVacancySection
              seat={seat}
              today={today}
              actionData={forForm("fill")}
              choices={choicesOf("fill", choices)}
              roundTrip={roundTripOf("fill")}
              fieldLabels={fieldLabels}
            />
          ) : null}
          {seat.person_id !== null && changeable ? (
            <MoveSeatSection
              seat={seat}
              today={today}
              actionData={forForm("move")}
              choices={choicesOf("move", choices)}
              roundTrip={roundTripOf("move")}
              fieldLabels={fieldLabels}
            />
          ) : null}
          {open ? (
            <EndSeatSection seat={seat} today={today} actionData={forForm("end")} fieldLabels={fieldLabels} />
          ) : null}
          <EditSeatSection
            seat={seat}
            actionData={forForm("save")}
            choices={choicesOf("save", choices)}
            constituencies={constituencies}
            roundTrip={roundTripOf("save")}
            fieldLabels={fieldLabels}
          />
        </>
      ) : null}
    </div>
  );
}

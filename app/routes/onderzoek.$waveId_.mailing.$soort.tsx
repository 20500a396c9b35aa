import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guard.server";
import { regionOfWave } from "../models/record-regions.server";
import { SuccessNotice } from "../components/form";
import { BounceSection } from "../components/mailings/bounce-section";
import { HeldBackSummary } from "../components/mailings/held-back-summary";
import { MailDestination } from "../components/mailings/mail-destination";
import { MailingProgress } from "../components/mailings/mailing-progress";
import { FailedRows, UnknownRows } from "../components/mailings/outbox-rows";
import { StartMailingForm } from "../components/mailings/start-mailing-form";
import { todayInAmsterdam } from "../i18n/format";
import type { MessageKey } from "../i18n/keys";
import { pageTitle } from "../i18n/meta";
import { requestLanguage } from "../i18n/request.server";
import { getWave } from "../models/survey-waves.server";
import { bareAddress } from "../services/bounce-addresses";
import { answerBouncePost } from "../services/bounce-upload.server";
import { kindOfSlug, messagesPath } from "../services/mailing-forms";
import { answerMailingPost, mailingPageData } from "../services/mailing-page.server";
import { noticeFrom } from "../services/notices";
import { recordIdParam } from "../services/record-id";
import { appOrigin } from "../services/app-origin.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data
      ? t("mailings.mailing.title", { kind: t(`mailings.kinds.${data.kind}`), wave: data.wave.name })
      : t("mailings.title"),
  );

const NOTICE_TEXTS = {
  gestart: "mailings.mailing.start.started",
  gepauzeerd: "mailings.mailing.paused",
  hervat: "mailings.mailing.resumed",
  opnieuwVerstuurd: "mailings.mailing.unknown.done",
} satisfies Record<string, MessageKey>;

async function pageFor(context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"]) {
  const wave = await getWave(context.db, recordIdParam(params.waveId));
  const kind = kindOfSlug(params.soort);
  if (!wave || !kind || wave.status === "draft") throw new Response(null, { status: 404, statusText: "Not Found" });
  return { wave, kind };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requirePermission(request, context, "research.run", { record: regionOfWave(recordIdParam(params.waveId)) });
  const { wave, kind } = await pageFor(context, params);
  return json({
    wave: { id: wave.id, name: wave.name },
    kind,
    page: await mailingPageData(context.db, wave.id, kind, context.mailingPolicy),
    policy: context.mailingPolicy,
    notice: noticeFrom(new URL(request.url).searchParams, ["gestart", "gepauzeerd", "hervat", "opnieuwVerstuurd"]),
    destination: context.mail.destination,
    from: context.mail.from,
    today: todayInAmsterdam(),
    now: new Date().toISOString(),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "research.run", {
    record: regionOfWave(recordIdParam(params.waveId)),
  });
  const { wave, kind } = await pageFor(context, params);
  const formData = await request.formData();
  // bounced addresses (multipart, with a file): flagged in the register, the answer says which
  if (formData.get("intent") === "bounces")
    return answerBouncePost(context.db, user, formData, {
      own: [bareAddress(context.mail.from), bareAddress(context.mail.replyTo)],
      language: requestLanguage(request, user),
    });
  const answer = await answerMailingPost(context.db, user, wave.id, kind, formData, {
    policy: context.mailingPolicy,
    origin: appOrigin(request, context),
    wake: context.wakeMailSender,
  });
  return typeof answer === "string" ? redirect(answer) : answer;
}

export default function MailingPage() {
  const { wave, kind, page, policy, notice, destination, from, today, now } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const { t } = useTranslation();
  const answer = posted?.intent === "bounces" ? null : posted;
  const answerFor = (...intents: string[]) => (answer && intents.includes(answer.intent) ? answer : null);
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to={`/onderzoek/${wave.id}`}>{t("mailings.mailing.back")}</Link>
        </p>
        <h1 className="text-2xl font-bold">
          {t("mailings.mailing.title", { kind: t(`mailings.kinds.${kind}`), wave: wave.name })}
        </h1>
      </div>
      {notice ? <SuccessNotice>{t(NOTICE_TEXTS[notice])}</SuccessNotice> : null}
      <MailDestination destination={destination} from={from} />
      {page.started ? (
        <>
          <MailingProgress
            mailing={page.progress.mailing}
            counts={page.progress.counts}
            startsLater={Date.parse(page.progress.mailing.start_at) > Date.parse(now)}
            answer={answerFor("pause", "resume")}
          />
          <UnknownRows
            rows={page.progress.unknown}
            count={page.progress.counts.unknown}
            version={page.progress.mailing.version}
            answer={answerFor("sendAgain")}
          />
          <FailedRows rows={page.progress.failed} count={page.progress.counts.failed} />
          <BounceSection answer={posted?.intent === "bounces" ? posted : null} />
        </>
      ) : (
        <>
          <p className="text-sm">
            <Link to={messagesPath(wave.id)}>{t("mailings.wave.messages")}</Link>
          </p>
          <HeldBackSummary recipients={page.recipients} groups={page.groups} />
          <p className="text-sm text-slate-700">
            {t("mailings.mailing.cap", { ...policy.cap, minDays: policy.minDaysBetween })}
          </p>
          {page.previousStarted ? (
            <StartMailingForm answer={answerFor("start")} today={today} />
          ) : (
            <p role="note">{t("mailings.mailing.start.previousFirst")}</p>
          )}
        </>
      )}
    </div>
  );
}

import { Link, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { Language, MailingStatus } from "../../../db/schema";
import { formatMoment } from "../../i18n/format";
import type { OutboxCounts } from "../../models/mailings.server";
import { MAILING_PAGE_SCHEMAS } from "../../services/mailing-forms";
import { type FormActionData, HiddenField, SubmitButton, ValidatedForm } from "../form";

/** How often the page asks for the progress while the mailing is being sent (with JavaScript). */
const REFRESH_MS = 2_000;

export interface ProgressMailing {
  id: number;
  version: number;
  status: MailingStatus;
  start_at: string;
  finished_at: string | null;
  paused_reason: string | null;
}

/**
 * The mailing's progress: a bar and the counts per state, pause and resume. With JavaScript it
 * refreshes itself while sending; without, the refresh link (or the browser's) shows the same.
 */
export function MailingProgress({
  mailing,
  counts,
  startsLater,
  answer,
}: {
  mailing: ProgressMailing;
  counts: OutboxCounts;
  /** the start moment lies ahead (the server said so when it answered) */
  startsLater: boolean;
  answer: FormActionData | null;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const revalidator = useRevalidator();
  const live = mailing.status === "sending";
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [live, revalidator]);

  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return (
    <section aria-labelledby="progress-heading" className="card space-y-3">
      <h2 id="progress-heading" className="text-lg font-semibold">
        {t("mailings.mailing.progress.heading")}
      </h2>
      <p>{t("mailings.mailing.progress.status", { status: t(`mailings.statuses.${mailing.status}`) })}</p>
      {mailing.paused_reason ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {t("mailings.mailing.progress.pausedReason", { reason: mailing.paused_reason })}
        </p>
      ) : null}
      {startsLater ? (
        <p>{t("mailings.mailing.progress.startsAt", { moment: formatMoment(mailing.start_at, language) })}</p>
      ) : null}
      {mailing.finished_at ? (
        <p>{t("mailings.mailing.progress.finishedAt", { moment: formatMoment(mailing.finished_at, language) })}</p>
      ) : null}
      <label className="block text-sm font-medium" htmlFor="progress-bar">
        {t("mailings.mailing.progress.bar")}
      </label>
      <progress id="progress-bar" className="h-4 w-full" max={total} value={counts.sent}>
        {counts.sent} / {total}
      </progress>
      <p role="status" aria-live="polite" className="text-sm">
        {t("mailings.mailing.progress.counts", { ...counts, total })}
      </p>
      <p className="text-sm">
        <Link to="." preventScrollReset>
          {t("mailings.mailing.progress.refresh")}
        </Link>
        {live ? <span className="text-slate-600"> — {t("mailings.mailing.progress.live")}</span> : null}
      </p>
      {mailing.status === "done" ? null : (
        <ValidatedForm
          id="pause-resume"
          key={`${mailing.status}-${mailing.version}`}
          schema={mailing.status === "sending" ? MAILING_PAGE_SCHEMAS.pause : MAILING_PAGE_SCHEMAS.resume}
          actionData={answer}
          defaultValues={{ intent: mailing.status === "sending" ? "pause" : "resume", version: mailing.version }}
        >
          <HiddenField name="intent" />
          <HiddenField name="version" />
          <SubmitButton className="btn-secondary">
            {mailing.status === "sending" ? t("mailings.mailing.pause") : t("mailings.mailing.resume")}
          </SubmitButton>
        </ValidatedForm>
      )}
    </section>
  );
}

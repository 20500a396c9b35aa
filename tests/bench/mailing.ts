import { performance } from "node:perf_hooks";
import type { DB } from "../../db/index";
import type { Actor } from "../../app/models/audit.server";
import { getWave } from "../../app/models/survey-waves.server";
import { setClosingDate, startMailing } from "../../app/models/mailings.server";
import { startMailSender } from "../../app/server/mail-sender.server";
import { createMailTransport, mailSettings } from "../../app/server/mail-transport.server";
import { DEFAULT_MAILING_POLICY } from "../../app/services/mail-recipients";
import type { SmtpSink } from "./smtp-sink";

/**
 * The benchmark's mailings: queuing the invitation of a frozen national wave (startMailing, the
 * whole transaction) and sending it to the SMTP sink on loopback with the rate limit off, by the
 * real sender (startMailSender with the real pooled transport).
 */

export const MAIL_FROM = "Kring-benchmark <onderzoek@bench.example.nl>";
export const LINK_ORIGIN = "https://kring.bench.example.nl";

/** The wave's last day to answer, which the default messages name. */
export async function giveClosingDate(db: DB, actor: Actor, waveId: number, closesOn: string) {
  const wave = (await getWave(db, waveId))!;
  await setClosingDate(db, actor, waveId, wave.version, closesOn);
}

/** Queues the wave's invitation now, unpaced; how long the whole start took and how many it reaches. */
export async function timeQueueing(db: DB, actor: Actor, waveId: number) {
  const started = performance.now();
  const mailing = await startMailing(
    db,
    actor,
    waveId,
    "invitation",
    { startAt: new Date().toISOString(), ratePerMinute: null, linkOrigin: LINK_ORIGIN },
    DEFAULT_MAILING_POLICY,
  );
  const ms = performance.now() - started;
  const { n } = await db
    .selectFrom("mail_outbox")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("mailing_id", "=", mailing.id)
    .executeTakeFirstOrThrow();
  return { ms, recipients: Number(n), mailing };
}

export interface SendFigures {
  messages: number;
  seconds: number;
  perSecond: number;
  duplicates: number;
}

/**
 * Waits until the sink has received `count` messages (or `timeoutMs` passed), counting from
 * `since`: the rate over what arrived.
 */
export async function untilReceived(sink: SmtpSink, count: number, since: number, timeoutMs: number) {
  for (;;) {
    const { messages, duplicates } = await sink.counts();
    const seconds = (performance.now() - since) / 1000;
    if (messages >= count || seconds * 1000 > timeoutMs)
      return { messages, seconds, perSecond: messages / seconds, duplicates } satisfies SendFigures;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The real sender in this process, with the real pooled transport, until `count` messages arrived. */
export async function sendInThisProcess(db: DB, sink: SmtpSink, count: number, timeoutMs: number) {
  const transport = createMailTransport(mailSettings({ SMTP_URL: sink.url, MAIL_FROM }), "");
  await sink.reset();
  const started = performance.now();
  const sender = startMailSender({ db, transport, secret: "kring-benchmark", log: () => {} });
  const figures = await untilReceived(sink, count, started, timeoutMs);
  await sender.stop();
  transport.close();
  return figures;
}

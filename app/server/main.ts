import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { broadcastDevReady } from "@remix-run/node";
import { BackupSettingsError, scheduleBackups } from "../../db/backup-schedule";
import { describeTarget } from "../../db/engine";
import { DatabaseStartError, databaseTarget, openMigratedDatabase, refreshPlannerStatistics } from "../../db/index";
import { loadDemoIfEmpty } from "../../seeds/load";
import { SessionSettingsError, sessionIdleMs } from "../auth/session.server";
import { failInterruptedImports } from "../models/imports.server";
import { forgetOldRequestLimits } from "../models/request-limits.server";
import { createApp } from "./app";
import { demoChoice, demoStartLine } from "./demo-choice";
import { logFormat, logger, LogSettingsError } from "./log";
import { startMailSender } from "./mail-sender.server";
import { createMailTransport, mailSettings, MailSettingsError } from "./mail-transport.server";
import { MailingPolicyError, mailingPolicyFrom } from "../services/mail-recipients";
import { RetentionSettingError, retentionMonthsFrom } from "../services/retention";
import { PseudonymSecretError, pseudonymSecret } from "./pseudonym-secret.server";

const development = process.env.NODE_ENV === "development";
const KEEP_ALIVE_SECONDS = 65;
/**
 * How long a stop waits for the requests and messages in flight: below the 30 s a service manager
 * (systemd, Docker, Kubernetes) gives before it kills, so the database is still closed cleanly.
 */
const SHUTDOWN_DEADLINE_MS = 20_000;
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "0.0.0.0";
const target = databaseTarget();
// without SMTP_URL messages are files: in MAIL_OUTBOX_DIR, else beside the SQLite file, or in data/outbox on PostgreSQL
const outbox =
  process.env.MAIL_OUTBOX_DIR ||
  (target.engine === "sqlite" ? path.join(path.dirname(target.file), "outbox") : path.resolve("data", "outbox"));

async function main() {
  logger.setFormat(logFormat(process.env));
  // a mail setting that cannot work stops the start here, not at the first mailing
  const mail = createMailTransport(mailSettings(), outbox);
  const mailingPolicy = mailingPolicyFrom(process.env);
  // KRING_BACKUP_HOURS: the server's own backups; a bad value stops the start here
  const backups = scheduleBackups(target);
  const idleMs = sessionIdleMs(process.env);
  const retentionMonths = retentionMonthsFrom(process.env);
  const db = await openMigratedDatabase(target);
  // read at the start: a bad KRING_PSEUDONYM_SECRET stops the server, not the first research export
  const secret = await pseudonymSecret(db, target);
  const demo = demoChoice(process.env);
  // the demo accounts' passwords are the one secret logged: printed once, for whoever tries Kring out
  const loaded = demo.load ? await loadDemoIfEmpty(db, { log: (line) => logger.info(line) }) : null;
  const demoLine = demoStartLine(demo, loaded !== null);
  if (demoLine) logger.info(demoLine);

  // an import whose process was killed committed nothing: its page says so instead of "importing"
  await failInterruptedImports(db);
  const sender = startMailSender({ db, transport: mail, secret });

  const buildPath = path.resolve("build/index.js");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  const app = createApp({
    db,
    build,
    development,
    trustProxy: process.env.TRUST_PROXY,
    publicOrigin: process.env.PUBLIC_ORIGIN,
    pseudonymSecret: secret,
    mail,
    mailingPolicy,
    sessionIdleMs: idleMs,
    retentionMonths,
    wakeMailSender: () => sender.wake(),
  });

  const server = app.listen(port, host, () => {
    const address = server.address();
    const actualPort = typeof address === "object" && address ? address.port : port;
    logger.info(`Kring luistert op http://localhost:${actualPort} (database: ${describeTarget(target)})`);
    if (development) void broadcastDevReady(build);
  });
  // An idle connection stays open longer than a load balancer's (60 s is common) or a client's keeps
  // it: with Node's 5 s, a client reusing a connection the server had just closed got "other side
  // closed" (the benchmark's harness did, twice), and a load balancer answers such a race with a 502.
  server.keepAliveTimeout = KEEP_ALIVE_SECONDS * 1000;
  server.headersTimeout = (KEEP_ALIVE_SECONDS + 1) * 1000;

  // Now and then: refresh the planner's statistics, so plans stay good as the register grows; and
  // forget the public pages' rate-limit windows of yesterday.
  const optimizer = setInterval(
    () =>
      void Promise.all([refreshPlannerStatistics(db), forgetOldRequestLimits(db)]).catch((error: unknown) =>
        logger.error("Periodiek onderhoud mislukt", { error }),
      ),
    6 * 60 * 60 * 1000,
  );
  optimizer.unref();

  // The requests and the messages being handed over finish first; then the mail connections and the
  // database close. Kept-alive connections are closed as soon as they are idle (a client would keep
  // one open for seconds after its answer), and a request still running at the deadline is cut off,
  // so that a hung client cannot keep the process (and the database) open.
  const serverClosed = new Promise<void>((resolve) => server.once("close", resolve));
  const stop = (signal: NodeJS.Signals) => {
    logger.info("Kring stopt", { signal });
    clearInterval(optimizer);
    backups.stop();
    const deadline = setTimeout(() => {
      logger.warn("Kring stopt: verzoeken na de wachttijd afgebroken", { deadlineMs: SHUTDOWN_DEADLINE_MS });
      server.closeAllConnections();
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    server.close();
    const closeIdle = setInterval(() => server.closeIdleConnections(), 100);
    closeIdle.unref();
    server.closeIdleConnections();
    void Promise.all([serverClosed.then(() => clearInterval(closeIdle)), sender.stop()])
      .then(() => mail.close())
      .then(() => db.destroy())
      .then(
        () => {
          logger.info("Kring gestopt");
          process.exit(0);
        },
        (error: unknown) => {
          logger.error("Kring stopte niet netjes", { error });
          process.exit(1);
        },
      );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  if (
    error instanceof DatabaseStartError ||
    error instanceof MailSettingsError ||
    error instanceof MailingPolicyError ||
    error instanceof PseudonymSecretError ||
    error instanceof RetentionSettingError ||
    error instanceof BackupSettingsError ||
    error instanceof SessionSettingsError ||
    error instanceof LogSettingsError
  ) {
    logger.error(`Kring kan niet starten: ${error.message}`);
  } else {
    logger.error("Kring kan niet starten", { error });
  }
  process.exit(1);
});

import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { broadcastDevReady } from "@remix-run/node";
import { describeTarget } from "../../db/engine";
import { DatabaseStartError, databaseTarget, openMigratedDatabase, refreshPlannerStatistics } from "../../db/index";
import { loadDemoIfEmpty } from "../../seeds/load";
import { forgetOldRequestLimits } from "../models/request-limits.server";
import { createApp } from "./app";
import { demoChoice, demoStartLine } from "./demo-choice";
import { startMailSender } from "./mail-sender.server";
import { createMailTransport, mailSettings, MailSettingsError } from "./mail-transport.server";
import { MailingPolicyError, mailingPolicyFrom } from "../services/mail-recipients";
import { RetentionSettingError, retentionMonthsFrom } from "../services/retention";
import { PseudonymSecretError, pseudonymSecret } from "./pseudonym-secret.server";

const development = process.env.NODE_ENV === "development";
const KEEP_ALIVE_SECONDS = 65;
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "0.0.0.0";
const target = databaseTarget();
// without SMTP_URL messages are files: in MAIL_OUTBOX_DIR, else beside the SQLite file, or in data/outbox on PostgreSQL
const outbox =
  process.env.MAIL_OUTBOX_DIR ||
  (target.engine === "sqlite" ? path.join(path.dirname(target.file), "outbox") : path.resolve("data", "outbox"));

async function main() {
  // a mail setting that cannot work stops the start here, not at the first mailing
  const mail = createMailTransport(mailSettings(), outbox);
  const mailingPolicy = mailingPolicyFrom(process.env);
  const retentionMonths = retentionMonthsFrom(process.env);
  const db = await openMigratedDatabase(target);
  // read at the start: a bad KRING_PSEUDONYM_SECRET stops the server, not the first research export
  const secret = await pseudonymSecret(db, target);
  const demo = demoChoice(process.env);
  const loaded = demo.load ? await loadDemoIfEmpty(db, { log: console.log }) : null;
  const demoLine = demoStartLine(demo, loaded !== null);
  if (demoLine) console.log(demoLine);

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
    retentionMonths,
    wakeMailSender: () => sender.wake(),
  });

  const server = app.listen(port, host, () => {
    const address = server.address();
    const actualPort = typeof address === "object" && address ? address.port : port;
    console.log(`Kring luistert op http://localhost:${actualPort} (database: ${describeTarget(target)})`);
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
        console.error("periodic upkeep failed:", error),
      ),
    6 * 60 * 60 * 1000,
  );
  optimizer.unref();

  // the request and the messages being handed over finish first; then the database closes
  const stop = () => {
    clearInterval(optimizer);
    server.close(() => {
      void sender
        .stop()
        .then(() => mail.close())
        .then(() => db.destroy())
        .then(() => process.exit(0));
    });
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  if (
    error instanceof DatabaseStartError ||
    error instanceof MailSettingsError ||
    error instanceof MailingPolicyError ||
    error instanceof RetentionSettingError ||
    error instanceof PseudonymSecretError
  ) {
    console.error(`Kring kan niet starten: ${error.message}`);
  } else {
    console.error("Kring kan niet starten:", error);
  }
  process.exit(1);
});

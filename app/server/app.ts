import "./context";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import type { DB } from "../../db/index";
import type { MailingPolicy } from "../services/mail-recipients";
import { logger, requestPath } from "./log";
import type { MailTransport } from "./mail-transport.server";
import {
  cspNonce,
  formBodiesOnly,
  limitRequestBody,
  sameOriginOnly,
  securityHeaders,
  strictTransportSecurity,
} from "./security";

export interface AppOptions {
  db: DB;
  build: ServerBuild | (() => Promise<ServerBuild>);
  development?: boolean;
  /** Value of TRUST_PROXY, passed to Express's "trust proxy" setting. */
  trustProxy?: string;
  publicOrigin?: string;
  pseudonymSecret: string;
  mail: MailTransport;
  mailingPolicy: MailingPolicy;
  /** KRING_SESSION_IDLE_MINUTES in milliseconds (sessionIdleMs, auth/session.server) */
  sessionIdleMs: number;
  retentionMonths: number;
  /** tells the mail sender to look at the outbox now (a mailing was started or resumed) */
  wakeMailSender: () => void;
}

/**
 * One log line per request once its answer is out (or its connection gone): method, path without
 * the query string and with the public links' tokens taken out, status, and milliseconds.
 */
function logRequests(req: express.Request, res: express.Response, next: express.NextFunction) {
  const start = process.hrtime.bigint();
  res.once("close", () => {
    const ms = Number((process.hrtime.bigint() - start) / 1000n) / 1000;
    const fields = { method: req.method, path: requestPath(req.path), status: res.statusCode, ms };
    logger.info("request", res.writableFinished ? fields : { ...fields, aborted: true });
  });
  next();
}

export function createApp({
  db,
  build,
  development = false,
  trustProxy,
  publicOrigin,
  pseudonymSecret,
  mail,
  mailingPolicy,
  sessionIdleMs,
  retentionMonths,
  wakeMailSender,
}: AppOptions) {
  const app = express();
  app.disable("x-powered-by");
  if (trustProxy) app.set("trust proxy", /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy);

  // first, so that every answer is logged, the refusals of the checks below included
  app.use(logRequests);
  app.use(compression());
  app.use(cspNonce, securityHeaders({ development }), strictTransportSecurity);

  // Fingerprinted by the Remix compiler, so they can be cached forever.
  app.use("/build", express.static(path.resolve("public/build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.resolve("public"), { maxAge: "1h", index: false }));

  app.use(limitRequestBody(), sameOriginOnly(publicOrigin), formBodiesOnly);
  const handleRequest = createRequestHandler({
    build,
    mode: development ? "development" : "production",
    getLoadContext: (req, res): AppLoadContext => ({
      db,
      cspNonce: res.locals.cspNonce as string,
      clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
      pseudonymSecret,
      mail,
      mailingPolicy,
      sessionIdleMs,
      retentionMonths,
      publicOrigin,
      wakeMailSender,
      auth: {},
    }),
  });
  // the handler passes its own errors to next(): nothing is left for Express to catch
  app.all("*", (req, res, next) => void handleRequest(req, res, next));
  return app;
}

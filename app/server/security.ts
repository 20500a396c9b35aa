import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";
import { UPLOAD_BODY_LIMITS } from "../services/upload-limits";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** A fresh nonce per response, for the inline scripts Remix renders (hydration data, scroll restoration). */
export function cspNonce(_req: Request, res: Response, next: NextFunction) {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
}

export function securityHeaders({ development }: { development: boolean }) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        // the dev server's live reload talks over a websocket
        "connect-src": development ? ["'self'", "ws:"] : ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
      },
    },
    referrerPolicy: { policy: "same-origin" },
    // Sent only over https (below): over plain http the header is meaningless and would pin localhost.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: "deny" },
  });
}

export function strictTransportSecurity(req: Request, res: Response, next: NextFunction) {
  if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  next();
}

/**
 * The unsubscribe links, /afmelden/<token>. Their POST comes from anywhere by design: RFC 8058's
 * one-click unsubscribe is sent by the mail provider's server, without an Origin header. That is
 * safe because the signed token in the path is the whole authorisation: there is no session a
 * forged request could ride on, and a forger who has the link could use it anyway. Only a path of
 * a token's shape is exempt (app/services/unsubscribe-token.server.ts): a dot segment such as
 * `/afmelden/..`, which the router would resolve to another page, is not.
 */
const SIGNED_LINK_PATH = /^\/afmelden\/p?\d+\.\d+\.[A-Za-z0-9_-]+\/?$/;

/**
 * Refuses state-changing requests from another origin (the Lucia guide's CSRF defence):
 * the browser's Origin header must name this app. PUBLIC_ORIGIN pins it behind a proxy
 * that rewrites Host. The signed unsubscribe links are exempt (above).
 */
export function sameOriginOnly(publicOrigin: string | undefined) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method) || SIGNED_LINK_PATH.test(req.path)) return next();
    const origin = req.get("origin");
    const expected = publicOrigin ?? `${req.protocol}://${req.get("host")}`;
    if (origin && origin === expected) return next();
    res
      .status(403)
      .type("text/plain; charset=utf-8")
      .send("Verzoek geweigerd: het komt niet van Kring zelf. / Request refused: it did not come from Kring itself.");
  };
}

/** The largest request body Kring reads: far above any of its forms, far below what could hurt. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Refuses a request body before anything reads it: larger than MAX_BODY_BYTES (413), or of unknown
 * length (411; browsers always say how long a form is). Node's parser never reads past the stated
 * length, so what follows can trust it. A refused body is not read: the connection is closed.
 *
 * A body an action left unread (a redirect to /login, say) is drained once the answer is out:
 * Remix's reader paused it, and the next request on that kept-alive connection would wait for it.
 *
 * The routes that take an uploaded file (`uploads`, app/services/upload-limits.ts) have their own,
 * larger limit, which their page states.
 */
export function limitRequestBody(defaultMaxBytes = MAX_BODY_BYTES, uploads = UPLOAD_BODY_LIMITS) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    const maxBytes = uploads.find((upload) => upload.path.test(req.path))?.maxBytes ?? defaultMaxBytes;
    const declared = req.get("content-length");
    const chunked = req.get("transfer-encoding") !== undefined;
    if (!chunked && (declared === undefined || Number(declared) <= maxBytes)) {
      res.once("finish", () => {
        if (req.complete) return;
        req.removeAllListeners("data");
        req.resume();
      });
      return next();
    }
    const megabytes = (maxBytes / (1024 * 1024)).toLocaleString("nl-NL");
    res
      .status(chunked ? 411 : 413)
      .set("Connection", "close")
      .type("text/plain; charset=utf-8")
      .send(
        !chunked
          ? `Verzoek geweigerd: Kring neemt per formulier hoogstens ${megabytes} MB aan. / Request refused: Kring accepts at most ${megabytes} MB per form.`
          : "Verzoek geweigerd: de lengte van het verzoek ontbreekt. / Request refused: the request does not state its length.",
      );
  };
}

/**
 * Kring's actions read HTML forms, nothing else: a body of another kind (JSON, plain text, none at
 * all) is answered 415, and a multipart body without its boundary 400, before Remix tries to read it
 * as a form and fails with a server error.
 */
export function formBodiesOnly(req: Request, res: Response, next: NextFunction) {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const type = (req.get("content-type") ?? "").toLowerCase();
  if (type.startsWith("application/x-www-form-urlencoded")) return next();
  if (type.startsWith("multipart/form-data") && /;\s*boundary=[^;\s]+/.test(type)) return next();
  const missingBoundary = type.startsWith("multipart/form-data");
  res
    .status(missingBoundary ? 400 : 415)
    .set("Connection", "close")
    .type("text/plain; charset=utf-8")
    .send(
      missingBoundary
        ? "Verzoek geweigerd: het formulier mist zijn scheidingsteken (boundary). / Request refused: the form lacks its boundary."
        : "Verzoek geweigerd: Kring neemt alleen formulieren aan. / Request refused: Kring accepts forms only.",
    );
}

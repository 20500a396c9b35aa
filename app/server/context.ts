import type { DB } from "../../db/index";
import type { MailingPolicy } from "../services/mail-recipients";
import type { MailTransport } from "./mail-transport.server";

/** What every loader and action receives as `context`: injected so tests can hand in their own database. */
export interface KringContext {
  db: DB;
  /** Nonce of this response's Content-Security-Policy, for Remix's inline scripts. */
  cspNonce: string;
  /** The client's address (behind a proxy only when TRUST_PROXY says so), for the login throttle. */
  clientAddress: string;
  /**
   * The server's secret (KRING_PSEUDONYM_SECRET or the generated one, see pseudonym-secret.server): the key of
   * the research pseudonyms, and what the unsubscribe links' key is derived from.
   */
  pseudonymSecret: string;
  /** Where Kring's mail goes (SMTP or .eml files, see mail-transport.server): the unsubscribe pages send through it. */
  mail: MailTransport;
  /**
   * PUBLIC_ORIGIN: the address the app is reached at (https://kring.example.nl), for links that leave
   * the app (in mail); unset, the request's own origin is used.
   */
  publicOrigin?: string;
  /** The frequency cap and the days between reminders (KRING_MAIL_CAP, KRING_REMINDER_DAYS), read at start. */
  mailingPolicy: MailingPolicy;
  /** KRING_RETENTION_MONTHS, read at start: the retention page's default period (app/services/retention.ts) */
  retentionMonths: number;
  /** Tells the mail sender to look at the outbox now (a mailing was started or resumed) instead of after its pause. */
  wakeMailSender: () => void;
  /** KRING_SESSION_IDLE_MINUTES in milliseconds, read at start: a session unused this long ends. */
  sessionIdleMs: number;
  /**
   * Per-request memo of the session lookup, a refreshed cookie to send, and whether the session this
   * request came with just ended for being idle (the login page says so), and the regions the user may
   * look at with the one they look at now; see auth/guard.server and auth/region.server.
   */
  auth: { lookup?: Promise<unknown>; setCookie?: string; endedIdle?: boolean; regions?: Promise<unknown> };
}

declare module "@remix-run/server-runtime" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends KringContext {}
}

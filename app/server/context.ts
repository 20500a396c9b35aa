import type { DB } from "../../db/index";

/** What every loader and action receives as `context`: injected so tests can hand in their own database. */
export interface KringContext {
  db: DB;
  /** Nonce of this response's Content-Security-Policy, for Remix's inline scripts. */
  cspNonce: string;
  /** The client's address (behind a proxy only when TRUST_PROXY says so), for the login throttle. */
  clientAddress: string;
  /** The key of the research pseudonyms (KRING_PSEUDONYM_SECRET or the generated one, see pseudonym-secret.server). */
  pseudonymSecret: string;
  /** Per-request memo of the session lookup and a refreshed cookie to send (see auth/guard.server). */
  auth: { lookup?: Promise<unknown>; setCookie?: string };
}

declare module "@remix-run/server-runtime" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends KringContext {}
}

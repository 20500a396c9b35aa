import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

/**
 * The signed part of an unsubscribe link (/afmelden/<token>): whoever holds the link may use it,
 * without logging in, until its expiry day; nobody can make one without the server's secret.
 *
 *   member link:  `<panel member id>.<expiry day>.<signature>`   e.g. `1234.20820.Xy…` (an opt-out of
 *                 that member's wave, or of all research mail or network news)
 *   person link:  `p<person id>.<expiry day>.<signature>`         e.g. `p77.20820.Xy…` (sent by the
 *                 address form to someone in no active wave: research mail or network news only)
 *
 * The expiry day counts days since 1970-01-01 (UTC); the link works through the end of that day.
 * The signature is HMAC-SHA256 over everything before it (`1234.20820`, `p77.20820`: the prefix is
 * signed too, so a member link cannot be turned into a person link), cut to 160 bits, base64url
 * without padding (27 characters). Its key is derived from the server's secret with HKDF under its
 * own label, so the research pseudonyms (keyed with the secret itself) and the links never share
 * a key. Changing the secret invalidates every link sent.
 */

export type UnsubscribeSubject = { kind: "member"; memberId: number } | { kind: "person"; personId: number };

export type UnsubscribeLinkReading =
  ({ ok: true } & UnsubscribeSubject) | { ok: false; reason: "tampered" | "expired" };

export type UnsubscribeTokenReading = { ok: true; memberId: number } | { ok: false; reason: "tampered" | "expired" };

const KEY_LABEL = "kring unsubscribe v1";
const DAY_MS = 24 * 60 * 60 * 1000;
const SIGNATURE_BYTES = 20;
const PERSON_PREFIX = "p";
const TOKEN_SHAPE = /^(p?)([1-9]\d{0,14})\.(\d{1,7})\.([A-Za-z0-9_-]{27})$/;

const keys = new Map<string, Buffer>();

function linkKey(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "", KEY_LABEL, 32));
    keys.set(secret, key);
  }
  return key;
}

const dayOf = (moment: Date) => Math.floor(moment.getTime() / DAY_MS);

function signature(secret: string, payload: string): string {
  return createHmac("sha256", linkKey(secret))
    .update(payload)
    .digest()
    .subarray(0, SIGNATURE_BYTES)
    .toString("base64url");
}

function signed(secret: string, subject: string, expires: Date): string {
  if (Number.isNaN(expires.getTime())) throw new RangeError("An unsubscribe link needs a valid expiry date.");
  const payload = `${subject}.${dayOf(expires)}`;
  return `${payload}.${signature(secret, payload)}`;
}

function checkId(id: number) {
  if (!Number.isSafeInteger(id) || id < 1) throw new RangeError(`Not a record id: ${id}`);
}

/** The token of a panel member's unsubscribe link, valid through the (UTC) day of `expires`. */
export function unsubscribeToken(secret: string, memberId: number, expires: Date): string {
  checkId(memberId);
  return signed(secret, String(memberId), expires);
}

/** The token of a person's unsubscribe link (research mail and network news, no wave). */
export function personUnsubscribeToken(secret: string, personId: number, expires: Date): string {
  checkId(personId);
  return signed(secret, `${PERSON_PREFIX}${personId}`, expires);
}

/**
 * Whose link this is, or why it cannot be used: `tampered` for anything that is not a token this
 * server signed (garbage, another id, a changed day or signature), `expired` for a genuine one
 * past its day. The signature is compared in constant time, before the day is looked at.
 */
export function readUnsubscribeLink(secret: string, token: string, now: Date): UnsubscribeLinkReading {
  const parts = TOKEN_SHAPE.exec(token);
  if (!parts) return { ok: false, reason: "tampered" };
  const [, prefix = "", id = "", day = "", given = ""] = parts;
  const expected = signature(secret, `${prefix}${id}.${day}`);
  if (!timingSafeEqual(Buffer.from(given), Buffer.from(expected))) return { ok: false, reason: "tampered" };
  if (dayOf(now) > Number(day)) return { ok: false, reason: "expired" };
  return prefix === PERSON_PREFIX
    ? { ok: true, kind: "person", personId: Number(id) }
    : { ok: true, kind: "member", memberId: Number(id) };
}

/** A panel member's link only (a person link reads as tampered here). */
export function readUnsubscribeToken(secret: string, token: string, now: Date): UnsubscribeTokenReading {
  const reading = readUnsubscribeLink(secret, token, now);
  if (!reading.ok) return reading;
  return reading.kind === "member" ? { ok: true, memberId: reading.memberId } : { ok: false, reason: "tampered" };
}

import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  personUnsubscribeToken,
  readUnsubscribeLink,
  readUnsubscribeToken,
  unsubscribeToken,
} from "../../app/services/unsubscribe-token.server";

const SECRET = "a test key for research pseudonyms, 32+ chars";
const NOW = new Date("2025-10-06T09:00:00Z");
const EXPIRES = new Date("2026-11-10T12:00:00Z");

/** The same token with one character of its signature replaced by another that changes the signature. */
function withChangedSignature(token: string, index: number) {
  const characters = [...token];
  const position = token.lastIndexOf(".") + 1 + index;
  characters[position] = characters[position] === "A" ? "g" : "A";
  return characters.join("");
}

describe("unsubscribe tokens", () => {
  it("names the member, the expiry day and a 160-bit base64url signature", () => {
    const token = unsubscribeToken(SECRET, 1234, EXPIRES);
    const [member, day, signature] = token.split(".");
    expect(member).toBe("1234");
    expect(Number(day)).toBe(Math.floor(EXPIRES.getTime() / 86_400_000));
    expect(signature).toMatch(/^[A-Za-z0-9_-]{27}$/);
    expect(Buffer.from(signature ?? "", "base64url")).toHaveLength(20);
  });

  it("reads a valid token back, until the end of its expiry day", () => {
    const token = unsubscribeToken(SECRET, 1234, EXPIRES);
    expect(readUnsubscribeToken(SECRET, token, NOW)).toEqual({ ok: true, memberId: 1234 });
    expect(readUnsubscribeToken(SECRET, token, new Date("2026-11-10T23:59:59Z"))).toEqual({ ok: true, memberId: 1234 });
  });

  it("is expired from the day after its expiry day", () => {
    const token = unsubscribeToken(SECRET, 1234, EXPIRES);
    expect(readUnsubscribeToken(SECRET, token, new Date("2026-11-11T00:00:00Z"))).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("refuses a changed signature, wherever the change is", () => {
    const token = unsubscribeToken(SECRET, 1234, EXPIRES);
    for (const index of [0, 13, 26])
      expect(readUnsubscribeToken(SECRET, withChangedSignature(token, index), NOW)).toEqual({
        ok: false,
        reason: "tampered",
      });
  });

  it("refuses another member id or a later expiry day under the same signature", () => {
    const token = unsubscribeToken(SECRET, 1234, EXPIRES);
    const [, day, signature] = token.split(".");
    expect(readUnsubscribeToken(SECRET, `1235.${day}.${signature}`, NOW)).toEqual({ ok: false, reason: "tampered" });
    expect(readUnsubscribeToken(SECRET, `1234.${Number(day) + 1}.${signature}`, NOW)).toEqual({
      ok: false,
      reason: "tampered",
    });
  });

  it("calls a forged token tampered even when its day has passed", () => {
    const token = unsubscribeToken(SECRET, 1234, new Date("2020-01-01T00:00:00Z"));
    expect(readUnsubscribeToken(SECRET, withChangedSignature(token, 5), NOW)).toEqual({
      ok: false,
      reason: "tampered",
    });
  });

  it("refuses a token signed with another secret", () => {
    const token = unsubscribeToken("another secret of at least thirty-two chars", 1234, EXPIRES);
    expect(readUnsubscribeToken(SECRET, token, NOW)).toEqual({ ok: false, reason: "tampered" });
  });

  it("does not use the pseudonyms' key: a signature made with the secret itself is refused", () => {
    const day = Math.floor(EXPIRES.getTime() / 86_400_000);
    const withSecret = createHmac("sha256", SECRET)
      .update(`1234.${day}`)
      .digest()
      .subarray(0, 20)
      .toString("base64url");
    expect(readUnsubscribeToken(SECRET, `1234.${day}.${withSecret}`, NOW)).toEqual({ ok: false, reason: "tampered" });
  });

  it("refuses garbage without throwing", () => {
    const valid = unsubscribeToken(SECRET, 1234, EXPIRES);
    for (const garbage of [
      "",
      "abc",
      "1234",
      "1234..",
      `0.${valid.split(".")[1]}.${valid.split(".")[2]}`,
      `-1.${valid.split(".")[1]}.${valid.split(".")[2]}`,
      `${valid}=`,
      `${valid}.extra`,
      valid.slice(0, -1),
      ` ${valid}`,
      "1234.20000.%%%%%%%%%%%%%%%%%%%%%%%%%%%",
      "9".repeat(400),
    ])
      expect(readUnsubscribeToken(SECRET, garbage, NOW)).toEqual({ ok: false, reason: "tampered" });
  });

  it("refuses to make a token for an id that is not one, or without a valid date", () => {
    expect(() => unsubscribeToken(SECRET, 0, EXPIRES)).toThrow(RangeError);
    expect(() => unsubscribeToken(SECRET, 1.5, EXPIRES)).toThrow(RangeError);
    expect(() => unsubscribeToken(SECRET, 1, new Date("not a date"))).toThrow(RangeError);
  });
});

describe("person unsubscribe tokens", () => {
  it("read back as a person, and are not a member's link", () => {
    const token = personUnsubscribeToken(SECRET, 77, EXPIRES);
    expect(token).toMatch(/^p77\.\d+\.[A-Za-z0-9_-]{27}$/);
    expect(readUnsubscribeLink(SECRET, token, NOW)).toEqual({ ok: true, kind: "person", personId: 77 });
    expect(readUnsubscribeToken(SECRET, token, NOW)).toEqual({ ok: false, reason: "tampered" });
  });

  it("cannot be made from a member's token by adding the prefix, nor the other way round", () => {
    const member = unsubscribeToken(SECRET, 77, EXPIRES);
    const person = personUnsubscribeToken(SECRET, 77, EXPIRES);
    expect(readUnsubscribeLink(SECRET, `p${member}`, NOW)).toEqual({ ok: false, reason: "tampered" });
    expect(readUnsubscribeLink(SECRET, person.slice(1), NOW)).toEqual({ ok: false, reason: "tampered" });
  });

  it("a member's token reads as a member", () => {
    expect(readUnsubscribeLink(SECRET, unsubscribeToken(SECRET, 5, EXPIRES), NOW)).toEqual({
      ok: true,
      kind: "member",
      memberId: 5,
    });
  });
});

import type { NextFunction, Request, Response } from "express";
import { describe, expect, it } from "vitest";
import { sameOriginOnly } from "../../app/server/security";
import { unsubscribeToken } from "../../app/services/unsubscribe-token.server";

const TOKEN = unsubscribeToken("a test key for research pseudonyms, 32+ chars", 12, new Date("2026-11-10"));

/** Runs the middleware on a request of that method, path and Origin: "next" when let through, else the status. */
function verdict(method: string, path: string, origin?: string): "next" | number {
  const headers: Record<string, string> = { host: "kring.example.nl" };
  if (origin) headers.origin = origin;
  const req = { method, path, protocol: "https", get: (name: string) => headers[name.toLowerCase()] } as Request;
  let status: number | undefined;
  const res = {
    status(code: number) {
      status = code;
      return this;
    },
    type() {
      return this;
    },
    send() {
      return this;
    },
  } as unknown as Response;
  let passed = false;
  const next: NextFunction = () => {
    passed = true;
  };
  sameOriginOnly(undefined)(req, res, next);
  return passed ? "next" : (status ?? 0);
}

describe("the same-origin check of state-changing requests", () => {
  it("lets a POST from Kring's own pages through and refuses one without or from another Origin", () => {
    expect(verdict("POST", "/personen/nieuw", "https://kring.example.nl")).toBe("next");
    expect(verdict("POST", "/personen/nieuw")).toBe(403);
    expect(verdict("POST", "/personen/nieuw", "https://evil.example")).toBe(403);
    expect(verdict("GET", "/personen")).toBe("next");
  });

  it("lets the one-click POST of a mail provider reach an unsubscribe link without an Origin", () => {
    expect(verdict("POST", `/afmelden/${TOKEN}`)).toBe("next");
    expect(verdict("POST", `/afmelden/p7.20400.${"A".repeat(27)}`, "https://mail.example")).toBe("next");
  });

  it("exempts nothing but the link itself: the address form, dot segments and longer paths are checked", () => {
    expect(verdict("POST", "/afmelden")).toBe(403);
    expect(verdict("POST", "/afmelden/")).toBe(403);
    expect(verdict("POST", "/afmelden/..")).toBe(403);
    expect(verdict("POST", "/afmelden/%2e%2e")).toBe(403);
    expect(verdict("POST", `/afmelden/${TOKEN}/../../personen/nieuw`)).toBe(403);
    expect(verdict("POST", `/afmelden/${TOKEN}/extra`)).toBe(403);
    expect(verdict("POST", `/x/afmelden/${TOKEN}`)).toBe(403);
  });
});

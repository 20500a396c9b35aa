import type { NextFunction, Request, Response } from "express";
import { describe, expect, it } from "vitest";
import { limitRequestBody, MAX_BODY_BYTES } from "../../app/server/security";
import { BOUNCE_LIST_MAX_BYTES } from "../../app/services/bounce-addresses";
import { IMPORT_MAX_BYTES } from "../../app/services/import-fields";
import { megabytesText, RESPONSE_FILE_MAX_BYTES } from "../../app/services/upload-limits";

/** What limitRequestBody does with a POST of `length` bytes to `path`: passed on, or refused with a status. */
function post(path: string, length: number): { passed: boolean; status: number | null } {
  const headers: Record<string, string> = { "content-length": String(length) };
  const outcome = { passed: false, status: null as number | null };
  const req = { method: "POST", path, get: (name: string) => headers[name.toLowerCase()] } as unknown as Request;
  const res = {
    once: () => res,
    status(code: number) {
      outcome.status = code;
      return res;
    },
    set: () => res,
    type: () => res,
    send: () => res,
  } as unknown as Response;
  const next: NextFunction = () => {
    outcome.passed = true;
  };
  limitRequestBody()(req, res, next);
  return outcome;
}

describe("the request body limit", () => {
  it("is 1 MB everywhere but the response upload, which takes 20 MB", () => {
    expect(post("/login", MAX_BODY_BYTES + 1)).toEqual({ passed: false, status: 413 });
    expect(post("/onderzoek/12/respons", MAX_BODY_BYTES + 1)).toEqual({ passed: true, status: null });
    expect(post("/onderzoek/12/respons", RESPONSE_FILE_MAX_BYTES)).toEqual({ passed: true, status: null });
    expect(post("/onderzoek/12/respons", RESPONSE_FILE_MAX_BYTES + 1)).toEqual({ passed: false, status: 413 });
  });

  it("lets a bounce list somewhat over its 1 MB reach the page, which refuses it in the reader's language", () => {
    expect(post("/onderzoek/12/mailing/herinnering-1", BOUNCE_LIST_MAX_BYTES + 10_000)).toEqual({
      passed: true,
      status: null,
    });
    expect(post("/onderzoek/12/mailing/herinnering-1", 2 * BOUNCE_LIST_MAX_BYTES + 1)).toEqual({
      passed: false,
      status: 413,
    });
  });

  it("lets a spreadsheet for import up to twice its 10 MB reach the import page, and no other import page", () => {
    expect(post("/importeren", IMPORT_MAX_BYTES + 1)).toEqual({ passed: true, status: null });
    expect(post("/importeren", 2 * IMPORT_MAX_BYTES + 1)).toEqual({ passed: false, status: 413 });
    expect(post("/importeren/12", MAX_BODY_BYTES + 1).status).toBe(413);
  });

  it("does not stretch to the response pages that take no file", () => {
    expect(post("/onderzoek/12/respons/nabellen", MAX_BODY_BYTES + 1).status).toBe(413);
    expect(post("/onderzoek/12/panel", MAX_BODY_BYTES + 1).status).toBe(413);
    expect(post("/onderzoek/abc/respons", MAX_BODY_BYTES + 1).status).toBe(413);
  });

  it("is stated on the page in the reader's notation", () => {
    expect(megabytesText(RESPONSE_FILE_MAX_BYTES, "nl")).toBe("20 MB");
    expect(megabytesText(1.5 * 1024 * 1024, "nl")).toBe("1,5 MB");
    expect(megabytesText(1.5 * 1024 * 1024, "en")).toBe("1.5 MB");
  });
});

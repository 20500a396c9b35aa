import { describe, expect, it } from "vitest";
import { createLogger, logFormat, LogSettingsError, requestPath } from "../../app/server/log";

function captured(format: "json" | "text") {
  const out: string[] = [];
  const err: string[] = [];
  const logger = createLogger({
    format,
    stdout: { write: (line: string) => out.push(line) },
    stderr: { write: (line: string) => err.push(line) },
    now: () => new Date("2026-03-01T09:30:00.000Z"),
  });
  return { logger, out, err };
}

describe("the server's log", () => {
  it("writes one JSON object per line: time, level, message and fields; errors on stderr", () => {
    const { logger, out, err } = captured("json");
    logger.info("request", { method: "GET", status: 200 });
    logger.error("failed", { error: new TypeError("kapot") });
    expect(out).toEqual([
      '{"time":"2026-03-01T09:30:00.000Z","level":"info","msg":"request","method":"GET","status":200}\n',
    ]);
    expect(err).toHaveLength(1);
    expect(err[0]!.endsWith("\n")).toBe(true);
    expect(err[0]!.slice(0, -1)).not.toContain("\n");
    expect(JSON.parse(err[0]!)).toMatchObject({
      level: "error",
      msg: "failed",
      error: { name: "TypeError", message: "kapot", stack: expect.stringContaining("TypeError: kapot") },
    });
  });

  it("writes a plain line with KRING_LOG_FORMAT=text", () => {
    const { logger, out } = captured("text");
    logger.info("Kring luistert", { port: 3000, database: "data/kring.sqlite" });
    expect(out).toEqual(["2026-03-01T09:30:00.000Z INFO Kring luistert port=3000 database=data/kring.sqlite\n"]);
  });

  it("takes its format from KRING_LOG_FORMAT, JSON unless told otherwise, and refuses others", () => {
    expect(logFormat({})).toBe("json");
    expect(logFormat({ KRING_LOG_FORMAT: "Text" })).toBe("text");
    expect(() => logFormat({ KRING_LOG_FORMAT: "xml" })).toThrow(LogSettingsError);
    expect(() => logFormat({ KRING_LOG_FORMAT: "xml" })).toThrow(
      'KRING_LOG_FORMAT must be "json" or "text" (it is "xml").',
    );
  });

  it("keeps the tokens of the public links out of a request's path", () => {
    expect(requestPath("/afmelden/12.1767225600.abcDEF_-")).toBe("/afmelden/…");
    expect(requestPath("/afmelden/p12.1767225600.abcDEF_-/")).toBe("/afmelden/…/");
    expect(requestPath("/agenda/abcdefghijklmnopqrstuvwxyz234567.ics")).toBe("/agenda/…");
    expect(requestPath("/afmelden")).toBe("/afmelden");
    expect(requestPath("/personen/12")).toBe("/personen/12");
    expect(requestPath("/gremia/3/agenda")).toBe("/gremia/3/agenda");
  });
});

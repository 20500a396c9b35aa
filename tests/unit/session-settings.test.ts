import { describe, expect, it } from "vitest";
import { SessionSettingsError, sessionIdleMs } from "../../app/auth/session.server";

describe("KRING_SESSION_IDLE_MINUTES", () => {
  it("is 120 minutes when unset or empty", () => {
    expect(sessionIdleMs({})).toBe(120 * 60_000);
    expect(sessionIdleMs({ KRING_SESSION_IDLE_MINUTES: " " })).toBe(120 * 60_000);
  });

  it("takes whole minutes from 1 to 30 days", () => {
    expect(sessionIdleMs({ KRING_SESSION_IDLE_MINUTES: "15" })).toBe(15 * 60_000);
    expect(sessionIdleMs({ KRING_SESSION_IDLE_MINUTES: "43200" })).toBe(43_200 * 60_000);
  });

  it.each(["0", "-5", "1.5", "twee uur", "43201", "1e3"])("refuses %j, saying what it takes", (value) => {
    expect(() => sessionIdleMs({ KRING_SESSION_IDLE_MINUTES: value })).toThrow(SessionSettingsError);
    expect(() => sessionIdleMs({ KRING_SESSION_IDLE_MINUTES: value })).toThrow(
      `KRING_SESSION_IDLE_MINUTES must be a whole number of minutes from 1 to 43200 (it is "${value}").`,
    );
  });
});

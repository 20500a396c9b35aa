import { describe, expect, it } from "vitest";
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  delayAfterFailures,
  secondsToWait,
  type ThrottlePolicy,
} from "../../app/services/throttle";

const policy: ThrottlePolicy = { freeFailures: 3, firstDelayMs: 1_000, maxDelayMs: 10_000, windowMs: 60_000 };

describe("login throttle", () => {
  it("lets the first few failures pass without any wait", () => {
    expect(delayAfterFailures(0, policy)).toBe(0);
    expect(delayAfterFailures(1, policy)).toBe(0);
    expect(delayAfterFailures(2, policy)).toBe(0);
  });

  it("imposes the first delay once the free failures are used up", () => {
    expect(delayAfterFailures(3, policy)).toBe(1_000);
  });

  it("doubles the wait with every further failure", () => {
    expect([3, 4, 5, 6].map((n) => delayAfterFailures(n, policy))).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it("never waits longer than the ceiling, however many failures", () => {
    expect(delayAfterFailures(7, policy)).toBe(10_000);
    expect(delayAfterFailures(1_000, policy)).toBe(10_000);
    expect(delayAfterFailures(Number.MAX_SAFE_INTEGER, policy)).toBe(10_000);
  });

  it("gives an account 5 free failures and a shared address 20, both capped at 15 minutes", () => {
    expect(delayAfterFailures(4, ACCOUNT_POLICY)).toBe(0);
    expect(delayAfterFailures(5, ACCOUNT_POLICY)).toBe(30_000);
    expect(delayAfterFailures(19, ADDRESS_POLICY)).toBe(0);
    expect(delayAfterFailures(20, ADDRESS_POLICY)).toBe(30_000);
    expect(delayAfterFailures(100, ACCOUNT_POLICY)).toBe(15 * 60_000);
    expect(ADDRESS_POLICY.freeFailures).toBeGreaterThan(ACCOUNT_POLICY.freeFailures);
  });

  it("rounds the remaining wait up to whole seconds, so it never says 0 while still blocked", () => {
    const now = 1_000_000;
    expect(secondsToWait(now + 1, now)).toBe(1);
    expect(secondsToWait(now + 999, now)).toBe(1);
    expect(secondsToWait(now + 1_000, now)).toBe(1);
    expect(secondsToWait(now + 1_001, now)).toBe(2);
    expect(secondsToWait(now + 30_000, now)).toBe(30);
  });

  it("says 0 seconds once the block has passed", () => {
    expect(secondsToWait(1_000, 1_000)).toBe(0);
    expect(secondsToWait(1_000, 5_000)).toBe(0);
  });
});

/**
 * Login throttling: a few free failures, then each further failure doubles the wait,
 * up to a ceiling. Counts reset after a quiet window.
 */
export interface ThrottlePolicy {
  freeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
  /** a failure older than this no longer counts */
  windowMs: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = {
  freeFailures: 5,
  firstDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
  windowMs: 60 * 60_000,
};

// One office shares one address: allow more there before slowing everyone down.
export const ADDRESS_POLICY: ThrottlePolicy = {
  freeFailures: 20,
  firstDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
  windowMs: 60 * 60_000,
};

/** Wait imposed after the given number of consecutive failures. */
export function delayAfterFailures(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  const doublings = failures - policy.freeFailures;
  return Math.min(policy.firstDelayMs * 2 ** Math.min(doublings, 30), policy.maxDelayMs);
}

/** Whole seconds, rounded up, so "wait 0 seconds" is never shown while still blocked. */
export function secondsToWait(blockedUntil: number, now: number): number {
  return Math.max(0, Math.ceil((blockedUntil - now) / 1000));
}

import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PseudonymSecretError, pseudonymSecret } from "../../app/server/pseudonym-secret.server";

describe("the pseudonym secret", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "kring-secret-"));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const database = () => join(dir, "data", "kring.sqlite");

  it("comes from KRING_PSEUDONYM_SECRET when set", () => {
    const secret = "x".repeat(40);
    expect(pseudonymSecret(database(), { KRING_PSEUDONYM_SECRET: secret })).toBe(secret);
  });

  it("refuses a configured secret shorter than 32 characters, saying why", () => {
    expect(() => pseudonymSecret(database(), { KRING_PSEUDONYM_SECRET: "kort" })).toThrow(PseudonymSecretError);
    expect(() => pseudonymSecret(database(), { KRING_PSEUDONYM_SECRET: "kort" })).toThrow(/at least 32 characters/);
  });

  it("is generated once beside the database, readable by the owner only, and the same after a restart", () => {
    const first = pseudonymSecret(database(), {});
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = join(dir, "data", "pseudonym.secret");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(pseudonymSecret(database(), {})).toBe(first);
  });
});

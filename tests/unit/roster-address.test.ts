import { describe, expect, it } from "vitest";
import { rosterAddress } from "../../app/services/roster-address";

describe("the roster shown after a change", () => {
  it("is today's when the change took effect today or earlier", () => {
    expect(rosterAddress(4, "2025-03-01", "2025-03-01", { opgeslagen: "toegevoegd" })).toBe(
      "/gremia/4?opgeslagen=toegevoegd",
    );
    expect(rosterAddress(4, "2024-01-01", "2025-03-01", { opgeslagen: "vervuld" })).toBe(
      "/gremia/4?opgeslagen=vervuld",
    );
  });

  it("is that of the day the change takes effect when it lies in the future", () => {
    expect(rosterAddress(4, "2025-04-01", "2025-03-01", { opgeslagen: "verplaatst" })).toBe(
      "/gremia/4?datum=2025-04-01&opgeslagen=verplaatst",
    );
  });
});

import { describe, expect, it } from "vitest";
import { withNotice } from "../../app/services/notices";
import { rosterAddress } from "../../app/services/roster-address";

describe("the roster shown after a change", () => {
  it("is today's when the change took effect today or earlier", () => {
    expect(rosterAddress(4, "2025-03-01", "2025-03-01")).toBe("/gremia/4");
    expect(rosterAddress(4, "2024-01-01", "2025-03-01")).toBe("/gremia/4");
  });

  it("is that of the day the change takes effect when it lies in the future", () => {
    expect(rosterAddress(4, "2025-04-01", "2025-03-01")).toBe("/gremia/4?datum=2025-04-01");
  });

  it("keeps the day when the notice is added", () => {
    expect(withNotice(rosterAddress(4, "2025-04-01", "2025-03-01"), "verplaatst", { id: 12 })).toBe(
      "/gremia/4?datum=2025-04-01&melding=verplaatst&id=12",
    );
  });
});

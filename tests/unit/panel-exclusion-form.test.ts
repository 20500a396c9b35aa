import { describe, expect, it } from "vitest";
import { dayOf, exclusionSchema } from "../../app/services/panel-exclusion-form";

describe("a later exclusion from a frozen panel", () => {
  it("needs a reason and the ticked box", () => {
    expect(exclusionSchema.safeParse({ personId: "4", reason: " vertrokken ", confirm: "on" })).toEqual({
      success: true,
      data: { personId: 4, reason: "vertrokken", confirm: true },
    });
    const refused = exclusionSchema.safeParse({ personId: "4", reason: "  " });
    expect(refused.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["reason", "waves.errors.exclusionReasonRequired"],
      ["confirm", "panel.exclude.confirmRequired"],
    ]);
  });

  it("writes the day of the exclusion as it was in Amsterdam", () => {
    expect(dayOf("2025-10-04T22:30:00.000Z", "nl")).toBe("5 oktober 2025");
    expect(dayOf("2025-10-04T12:00:00.000Z", "en")).toBe("4 October 2025");
  });
});

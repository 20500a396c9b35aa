import { describe, expect, it } from "vitest";
import { translator } from "../../app/i18n/index";
import { labelWith, labelWithValues } from "../../app/services/many-labels";

describe("labels for long lists", () => {
  it("fills in a translation's value as the translation itself would", () => {
    const t = translator("nl");
    const endLabel = labelWith((who) => t("bodies.page.endLabel", { who }));
    expect(endLabel("Anna de Vries")).toBe(t("bodies.page.endLabel", { who: "Anna de Vries" }));
    expect(endLabel("Bram")).toBe("zetel van Bram beëindigen");
  });

  it("fills in several values, in whatever order the translation puts them", () => {
    for (const language of ["nl", "en"] as const) {
      const t = translator(language);
      const joined = labelWithValues(["person", "role"], (slots) => t("register.bodies.joined", slots));
      const values = { person: "Anna de Vries", role: "voorzitter" };
      expect(joined(values)).toBe(t("register.bodies.joined", values));
    }
  });
});

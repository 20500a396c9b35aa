import { describe, expect, it } from "vitest";
import { translator } from "../../app/i18n/index";
import { labelWith } from "../../app/services/many-labels";

describe("labels for long lists", () => {
  it("fills in a translation's value as the translation itself would", () => {
    const t = translator("nl");
    const endLabel = labelWith((who) => t("bodies.page.endLabel", { who }));
    expect(endLabel("Anna de Vries")).toBe(t("bodies.page.endLabel", { who: "Anna de Vries" }));
    expect(endLabel("Bram")).toBe("zetel van Bram beëindigen");
  });
});

import { describe, expect, it } from "vitest";
import { formatDay } from "../../app/i18n/format";
import { translator } from "../../app/i18n/index";
import { dayFormatter, labelWith } from "../../app/services/many-labels";

describe("labels for long lists", () => {
  it("formats days exactly as formatDay does, in both languages", () => {
    for (const language of ["nl", "en"] as const) {
      const format = dayFormatter(language);
      for (const day of ["2025-03-01", "2024-12-31", "1999-07-15"]) expect(format(day)).toBe(formatDay(day, language));
    }
  });

  it("fills in a translation's value as the translation itself would", () => {
    const t = translator("nl");
    const endLabel = labelWith((who) => t("bodies.page.endLabel", { who }));
    expect(endLabel("Anna de Vries")).toBe(t("bodies.page.endLabel", { who: "Anna de Vries" }));
    expect(endLabel("Bram")).toBe("zetel van Bram beëindigen");
  });
});

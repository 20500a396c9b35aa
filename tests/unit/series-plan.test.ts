import { describe, expect, it } from "vitest";
import { isSeriesIntent } from "../../app/services/series-plan";

describe("the series planner's buttons", () => {
  it("are the preview and creating, nothing else", () => {
    expect(["preview", "create"].every(isSeriesIntent)).toBe(true);
    expect([null, "", "save", ["preview"]].some(isSeriesIntent)).toBe(false);
  });
});

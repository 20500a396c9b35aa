import { describe, expect, it } from "vitest";
import { recordIdParam } from "../../app/services/record-id";

const statusOf = (value: string | undefined) => {
  try {
    recordIdParam(value);
    return "accepted";
  } catch (thrown) {
    return thrown instanceof Response ? thrown.status : "other";
  }
};

describe("the record id in a URL", () => {
  it("is the number in the path", () => {
    expect(recordIdParam("12")).toBe(12);
  });

  it("is a 404 for anything that is not a positive whole number", () => {
    for (const value of [undefined, "", "0", "-3", "1.5", "abc", "12abc", "1e3", " 7", "99999999999999999999"]) {
      expect(statusOf(value), String(value)).toBe(404);
    }
  });
});

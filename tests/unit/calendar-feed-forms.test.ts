import { describe, expect, it } from "vitest";
import {
  type CalendarFeedRefusal,
  type CalendarFeedIntent,
  isCalendarFeedIntent,
  placeFeedRefusal,
} from "../../app/services/calendar-feed-forms";

const refusal = (intent: CalendarFeedIntent, feed?: string): CalendarFeedRefusal => ({
  kind: "refused",
  ok: false,
  intent,
  values: feed === undefined ? { intent } : { intent, feed },
  errors: { _form: "calendar.errors.feedChanged" },
});

describe("a body's calendar page forms", () => {
  it("knows its four intents and nothing else", () => {
    expect(["create", "replace", "revoke", "undo"].every(isCalendarFeedIntent)).toBe(true);
    expect([null, "", "delete", "constructor"].some(isCalendarFeedIntent)).toBe(false);
  });

  it("shows a refusal at its form while the form is about the same link", () => {
    const revoke = refusal("revoke", "5");
    const placed = placeFeedRefusal(revoke, 5);
    expect(placed.forForm("revoke")).toBe(revoke);
    expect(placed.forForm("replace")).toBeNull();
    expect(placed.onPage).toEqual([]);
    expect(placeFeedRefusal(refusal("create"), null).forForm("create")).not.toBeNull();
  });

  it("shows it above the forms once the page shows another link, or none, and always for an undo", () => {
    expect(placeFeedRefusal(refusal("revoke", "5"), 6).onPage).toEqual(["calendar.errors.feedChanged"]);
    expect(placeFeedRefusal(refusal("revoke", "5"), null).onPage).toEqual(["calendar.errors.feedChanged"]);
    expect(placeFeedRefusal(refusal("create"), 6).forForm("create")).toBeNull();
    expect(placeFeedRefusal(refusal("create"), 6).onPage).toEqual(["calendar.errors.feedChanged"]);
    expect(placeFeedRefusal(refusal("undo", "5"), 5).onPage).toEqual(["calendar.errors.feedChanged"]);
  });

  it("has nothing to place without a refusal", () => {
    const placed = placeFeedRefusal(null, 5);
    expect(placed.forForm("revoke")).toBeNull();
    expect(placed.onPage).toEqual([]);
  });
});

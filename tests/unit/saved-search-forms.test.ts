import { describe, expect, it } from "vitest";
import { isSavedSearchIntent, SAVED_SEARCH_SCHEMAS } from "../../app/services/saved-search-forms";

describe("the saved searches page's forms", () => {
  it("knows its four intents and nothing else", () => {
    expect(["rename", "archive", "restore", "undo"].every(isSavedSearchIntent)).toBe(true);
    expect([null, "", "delete", "toString"].some(isSavedSearchIntent)).toBe(false);
  });

  it("archives only with the box ticked", () => {
    const archive = SAVED_SEARCH_SCHEMAS.archive;
    expect(archive.safeParse({ intent: "archive", id: "1", version: "2" }).error?.issues[0]?.message).toBe(
      "savedSearches.errors.confirmArchive",
    );
    expect(archive.safeParse({ intent: "archive", id: "1", version: "2", confirm: "on" }).success).toBe(true);
  });
});

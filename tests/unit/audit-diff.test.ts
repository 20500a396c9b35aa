import { describe, expect, it } from "vitest";
import { auditDiff, displayValue, parseSnapshot } from "../../app/services/audit-diff";

describe("the audit log's before→after diff", () => {
  it("lists only the fields that changed, with their old and new values", () => {
    const before = { id: 3, name: "Anna", role: "lezer", email: "anna@example.org" };
    const after = { id: 3, name: "Anna", role: "redacteur", email: "anna@example.org" };
    expect(auditDiff(JSON.stringify(before), JSON.stringify(after))).toEqual([
      { field: "role", before: "lezer", after: "redacteur" },
    ]);
  });

  it("leaves out bookkeeping columns that change with every edit", () => {
    const before = { id: 1, name: "A", version: 1, updated_at: "2025-01-01T10:00:00.000Z" };
    const after = { id: 1, name: "A", version: 2, updated_at: "2025-01-02T10:00:00.000Z" };
    expect(auditDiff(before, after)).toEqual([]);
  });

  it("shows what a creation filled in, and skips the empty fields", () => {
    const changes = auditDiff(null, JSON.stringify({ id: 9, name: "GGD", website: null, notes: "" }));
    expect(changes).toEqual([{ field: "name", before: null, after: "GGD" }]);
  });

  it("shows what a deletion removed", () => {
    expect(auditDiff({ id: 9, name: "GGD" }, null)).toEqual([{ field: "name", before: "GGD", after: null }]);
  });

  it("treats missing, null and empty text as the same nothing", () => {
    expect(auditDiff({ a: null, b: "" }, { b: null, c: undefined })).toEqual([]);
  });

  it("notices a field set to nothing and a field that appears", () => {
    expect(auditDiff({ disabled_at: "2025-05-01T08:00:00.000Z" }, { disabled_at: null, language: "en" })).toEqual([
      { field: "disabled_at", before: "2025-05-01T08:00:00.000Z", after: null },
      { field: "language", before: null, after: "en" },
    ]);
  });

  it("compares nested values by content", () => {
    expect(auditDiff({ tags: ["a", "b"] }, { tags: ["a", "b"] })).toEqual([]);
    expect(auditDiff({ tags: ["a"] }, { tags: ["a", "b"] })).toHaveLength(1);
  });

  it("honours a custom list of ignored fields", () => {
    expect(auditDiff({ id: 1, version: 1 }, { id: 1, version: 2 }, [])).toEqual([
      { field: "version", before: 1, after: 2 },
    ]);
  });

  it("keeps an unreadable snapshot visible instead of failing", () => {
    expect(parseSnapshot("not json")).toEqual({ "(json)": "not json" });
    expect(parseSnapshot("42")).toEqual({ "(json)": 42 });
    expect(parseSnapshot(null)).toBeNull();
  });

  it("displays values as text, and nothing as null", () => {
    expect(displayValue("x")).toBe("x");
    expect(displayValue(0)).toBe("0");
    expect(displayValue(false)).toBe("false");
    expect(displayValue({ a: 1 })).toBe('{"a":1}');
    expect(displayValue(null)).toBeNull();
    expect(displayValue("")).toBeNull();
  });
});

describe("a list of child rows as text", () => {
  it("reads as a list, and an empty list as nothing", () => {
    expect(displayValue(["a@example.org", "b@example.org"])).toBe("a@example.org, b@example.org");
    expect(displayValue([2, 5])).toBe("2, 5");
    expect(displayValue([])).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import {
  fieldText,
  isMemberStatus,
  listedPeople,
  parseIntent,
  peopleToName,
  registerPath,
  registerSchema,
  reshapeRegister,
  rowOfField,
  searchesAsked,
} from "../../app/services/attendance-form";

describe("the attendance register's form", () => {
  it("reads each row's status and substitute, and lists guests as 'gast'", () => {
    const parsed = registerSchema.safeParse({
      version: "3",
      member: ["1", "2"],
      "status-1": "aanwezig",
      "status-2": "vervangen",
      "substitute-2": "9",
      guest: "7",
    });
    expect(parsed.success && parsed.data).toEqual({
      version: 3,
      entries: [
        { person_id: 1, status: "aanwezig", substitute_person_id: null },
        { person_id: 2, status: "vervangen", substitute_person_id: 9 },
        { person_id: 7, status: "gast", substitute_person_id: null },
      ],
    });
  });

  it("forgets a substitute picked before the status changed from 'vervangen'", () => {
    const parsed = registerSchema.safeParse({ version: "1", member: "1", "status-1": "afgemeld", "substitute-1": "9" });
    expect(parsed.success && parsed.data.entries).toEqual([
      { person_id: 1, status: "afgemeld", substitute_person_id: null },
    ]);
  });

  it("refuses a row without a status and 'vervangen' without a substitute, each on its own field", () => {
    const parsed = registerSchema.safeParse({
      version: "1",
      member: ["1", "2"],
      "status-2": "vervangen",
      "status-x": "gast",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["status-1", "attendance.errors.statusMissing"],
      ["substitute-2", "attendance.errors.substituteMissing"],
    ]);
  });

  it("does not take 'gast' as a member's status", () => {
    const parsed = registerSchema.safeParse({ version: "1", member: "1", "status-1": "gast" });
    expect(parsed.success).toBe(false);
  });

  it("knows which person a row field belongs to", () => {
    expect(rowOfField("status-12")).toBe(12);
    expect(rowOfField("substituteQuery-4")).toBe(4);
    expect(rowOfField("guestQuery")).toBeNull();
    expect(rowOfField("_form")).toBeNull();
  });

  it("reads the buttons' intents, with the person they concern", () => {
    expect(parseIntent("enter")).toEqual({ kind: "enter" });
    expect(parseIntent("addGuest:15")).toEqual({ kind: "addGuest", personId: 15 });
    expect(parseIntent("removeMember:3")).toEqual({ kind: "removeMember", personId: 3 });
    expect(parseIntent("addGuest:")).toBeNull();
    expect(parseIntent("delete")).toBeNull();
    expect(parseIntent(null)).toBeNull();
  });

  it("lists the rows and guests of a submission, one or many", () => {
    expect(listedPeople({ member: "4", guest: ["5", "6", "nope"] })).toEqual({ members: [4], guests: [5, 6] });
    expect(listedPeople({})).toEqual({ members: [], guests: [] });
  });
});

describe("reshaping the register between posts", () => {
  const register = { member: ["1", "2"], guest: ["7"], guestQuery: "pie", "status-1": "aanwezig" };

  it("adds a guest, emptying the guest search, and keeps every chosen status", () => {
    expect(reshapeRegister(register, { kind: "addGuest", personId: 8 }, [])).toEqual({
      ok: true,
      values: { ...register, guest: ["7", "8"], guestQuery: "" },
    });
  });

  it("refuses a guest who is already on the list, as a member or a guest", () => {
    expect(reshapeRegister(register, { kind: "addGuest", personId: 2 }, [])).toEqual({ ok: false, listed: 2 });
    expect(reshapeRegister(register, { kind: "addGuest", personId: 7 }, [])).toEqual({ ok: false, listed: 7 });
  });

  it("removes a guest, and takes off only members who are no longer on the roster", () => {
    expect(reshapeRegister(register, { kind: "removeGuest", personId: 7 }, [])).toMatchObject({
      ok: true,
      values: { guest: [] },
    });
    expect(reshapeRegister(register, { kind: "removeMember", personId: 2 }, [])).toMatchObject({
      ok: true,
      values: { member: ["1", "2"] },
    });
    expect(reshapeRegister(register, { kind: "removeMember", personId: 2 }, [2])).toMatchObject({
      ok: true,
      values: { member: ["1"] },
    });
  });
});

describe("what a post to the register asks", () => {
  it("searches every search field holding text, for its row or for a guest", () => {
    expect(
      searchesAsked({
        member: ["1", "2"],
        "substituteQuery-1": "  Vries ",
        "substituteQuery-2": "   ",
        guestQuery: "Gast",
        "status-1": "vervangen",
      }),
    ).toEqual([
      { field: "substituteQuery-1", query: "Vries", row: 1 },
      { field: "guestQuery", query: "Gast", row: null },
    ]);
    expect(searchesAsked({ member: "1", "status-1": "aanwezig", guestQuery: "" })).toEqual([]);
  });

  it("names the guests and the substitutes picked, not the people searched for", () => {
    expect(
      peopleToName({ guest: ["7", "8"], "substitute-1": "9", "substitute-2": "", "substituteQuery-3": "12" }),
    ).toEqual([7, 8, 9]);
  });

  it("reads a field's first text, trimmed", () => {
    expect(fieldText(" 3 ")).toBe("3");
    expect(fieldText(["4", "5"])).toBe("4");
    expect(fieldText(undefined)).toBe("");
  });

  it("knows the statuses a row may be given", () => {
    expect(isMemberStatus("vervangen")).toBe(true);
    expect(isMemberStatus("gast")).toBe(false);
  });

  it("posts to the page's own address, without the notice of the last save", () => {
    expect(registerPath(4)).toBe("/vergaderingen/4/presentie");
  });
});

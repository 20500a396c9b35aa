import { describe, expect, it } from "vitest";
import {
  chosenValues,
  defaultFieldChoices,
  differingFields,
  rowText,
  savedSearchOrganisation,
  withSavedSearchOrganisation,
} from "../../app/services/merge-plan";
import { fieldChoicesFrom } from "../../app/services/merge-form";

const survivor = { first_name: "Jan", infix: "van den", phone: null, notes: "" };
const merged = { first_name: null, infix: "v.d.", phone: "043 1", notes: "belt liever" };
const fields = ["first_name", "infix", "phone", "notes"];

describe("the merge's field choices", () => {
  it("keep the survivor's value unless only the duplicate has one", () => {
    expect(defaultFieldChoices(fields, survivor, merged)).toEqual({
      first_name: "survivor",
      infix: "survivor",
      phone: "merged",
      notes: "merged",
    });
  });

  it("take each value from the side chosen, the survivor's where nothing was chosen", () => {
    expect(chosenValues(fields, survivor, merged, { infix: "merged", phone: "merged" })).toEqual({
      first_name: "Jan",
      infix: "v.d.",
      phone: "043 1",
      notes: "",
    });
  });

  it("ask only about fields that differ", () => {
    expect(
      differingFields(
        ["first_name", "last_name"],
        { first_name: "Jan", last_name: "Berg" },
        { first_name: null, last_name: "Berg" },
      ),
    ).toEqual(["first_name"]);
  });

  it("read from the form only the sides it knows", () => {
    expect(
      fieldChoicesFrom("people", {
        keep_phone: "merged",
        keep_notes: "survivor",
        keep_name: "merged",
        keep_title: "x",
      }),
    ).toEqual({
      phone: "merged",
      notes: "survivor",
    });
  });
});

describe("a row's text", () => {
  it("is the same whatever the order of its columns, and leaves out what is asked", () => {
    expect(rowText({ b: 1, a: null, version: 3 }, ["version"])).toBe(rowText({ a: null, b: 1 }));
    expect(rowText({ a: 1 })).not.toBe(rowText({ a: "1" }));
  });
});

describe("a saved search's organisation", () => {
  it("is read and replaced in the filter, the rest kept", () => {
    const filter = JSON.stringify({ q: "berg", organisationId: 7 });
    expect(savedSearchOrganisation(filter)).toBe(7);
    expect(JSON.parse(withSavedSearchOrganisation(filter, 9))).toEqual({ q: "berg", organisationId: 9 });
    expect(savedSearchOrganisation(JSON.stringify({ q: "berg" }))).toBeNull();
    expect(savedSearchOrganisation("not json")).toBeNull();
  });
});

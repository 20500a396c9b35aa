import { describe, expect, it } from "vitest";
import { compareByDutchName, displayName, foldForComparison, listName } from "../../app/services/names";

const anna = { first_name: "Anna", infix: "van den", last_name: "Berg" };

describe("Dutch names", () => {
  it("shows a name in running text with title and tussenvoegsel", () => {
    expect(displayName({ ...anna, title: "dr." })).toBe("dr. Anna van den Berg");
  });

  it("falls back to initials when there is no first name", () => {
    expect(displayName({ first_name: null, initials: "J.M.", infix: "de", last_name: "Vries" })).toBe("J.M. de Vries");
  });

  it("lists a name under the achternaam with the tussenvoegsel after the first name", () => {
    expect(listName(anna)).toBe("Berg, Anna van den");
    expect(listName({ first_name: null, infix: null, last_name: "Janssen" })).toBe("Janssen");
  });

  it("sorts van den Berg under B, between Bakker and Cremers", () => {
    const people = [
      { first_name: "Piet", infix: null, last_name: "Cremers" },
      anna,
      { first_name: "Kees", infix: null, last_name: "Bakker" },
    ];
    expect(people.sort(compareByDutchName).map((p) => p.last_name)).toEqual(["Bakker", "Berg", "Cremers"]);
  });

  it("sorts on first name when achternamen are equal, ignoring case and accents", () => {
    const people = [
      { first_name: "Ömer", infix: null, last_name: "janssen" },
      { first_name: "Marie", infix: null, last_name: "Janssen" },
    ];
    expect(people.sort(compareByDutchName).map((p) => p.first_name)).toEqual(["Marie", "Ömer"]);
  });

  it("folds case and accents for comparison", () => {
    expect(foldForComparison("Alliantie Santé")).toBe("alliantie sante");
  });
});

describe("Dutch list order, surname first", () => {
  it("puts van den Berg before Bergmans: the surname alone decides before the first name", () => {
    const people = [
      { first_name: "Erik", infix: null, last_name: "Bergmans", initials: null },
      { first_name: "Miriam", infix: "van den", last_name: "Berg", initials: null },
    ];
    expect([...people].sort(compareByDutchName).map((p) => p.last_name)).toEqual(["Berg", "Bergmans"]);
  });
});

import { describe, expect, it } from "vitest";
import {
  compareByDutchName,
  compareDutch,
  displayName,
  dutchSortKey,
  foldForComparison,
  listName,
} from "../../app/services/names";

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

describe("the stored sort key (people.sort_name)", () => {
  const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const people = [
    { first_name: "Erik", infix: null, last_name: "Bergmans" },
    { first_name: "Miriam", infix: "van den", last_name: "Berg" },
    { first_name: "Anna", infix: null, last_name: "Berg" },
    { first_name: "Ömer", infix: null, last_name: "Özdemir" },
    { first_name: "Piet", infix: null, last_name: "Ouwens" },
    { first_name: null, initials: "J.", infix: null, last_name: "El Amrani" },
    { first_name: "Kees", infix: null, last_name: "Elst" },
    { first_name: "Kees", infix: null, last_name: "Bakker" },
  ];

  it("orders in a plain byte comparison as compareByDutchName does", () => {
    const byKey = [...people].sort((a, b) => byteOrder(dutchSortKey(a), dutchSortKey(b))).map(listName);
    const byComparison = [...people].sort(compareByDutchName).map(listName);
    expect(byKey).toEqual(byComparison);
    expect(byKey).toEqual([
      "Bakker, Kees",
      "Berg, Anna",
      "Berg, Miriam van den",
      "Bergmans, Erik",
      "El Amrani, J.",
      "Elst, Kees",
      "Ouwens, Piet",
      "Özdemir, Ömer",
    ]);
  });

  it("puts the tussenvoegsel last, so namesakes with and without one keep a fixed order", () => {
    const jan = { first_name: "Jan", infix: null, last_name: "Berg" };
    const janVanDen = { first_name: "Jan", infix: "van den", last_name: "Berg" };
    expect(byteOrder(dutchSortKey(jan), dutchSortKey(janVanDen))).toBe(-1);
  });
});

describe("compareDutch", () => {
  it("orders texts alphabetically in Dutch, accents beside their letter", () => {
    expect(["Zorggroep", "Ötztal", "apotheek", "Oost"].sort(compareDutch)).toEqual([
      "apotheek",
      "Oost",
      "Ötztal",
      "Zorggroep",
    ]);
  });
});

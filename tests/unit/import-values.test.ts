import { describe, expect, it } from "vitest";
import { doubleFields, mappingFrom, suggestField, suggestMapping } from "../../app/services/import-fields";
import {
  abbreviationKey,
  INVALID,
  linkName,
  nameIndex,
  nameKey,
  parseImportDate,
  parseImportEmail,
  parseImportRole,
} from "../../app/services/import-values";

const TODAY = new Date(Date.UTC(2026, 11, 7));

describe("header suggestions", () => {
  it.each([
    ["Achternaam", "last_name"],
    ["TUSSENVOEGSEL", "infix"],
    ["E-mail", "email"],
    ["e-mailadres", "email"],
    ["Organisatie", "organisation"],
    ["Functie", "function_title"],
    ["Gremium", "body"],
    ["Rol", "role"],
    ["Namens", "on_behalf_of"],
    ["Vanaf", "start_date"],
    ["T/m", "end_date"],
    ["Relatienummer", "person_external_id"],
    ["Extern ID", "person_external_id"],
    ["Last name", "last_name"],
    ["E-mail address", "email"],
    ["On behalf of", "on_behalf_of"],
    ["Voornaam ", "first_name"],
  ])("%j suggests %s", (header, field) => {
    expect(suggestField(header)).toBe(field);
  });

  it("suggests nothing for an unknown column and each field once", () => {
    expect(suggestMapping(["Achternaam", "Lievelingskleur", "Achternaam"])).toEqual(["last_name", null, null]);
  });

  it("reads a posted mapping and refuses unknown fields; finds fields chosen twice", () => {
    const form = new URLSearchParams({ "column-0": "last_name", "column-1": "", "column-2": "email" });
    expect(mappingFrom(form, 3)).toEqual(["last_name", null, "email"]);
    expect(mappingFrom(new URLSearchParams({ "column-0": "password_hash" }), 1)).toBeNull();
    expect(doubleFields(["email", "last_name", "email"])).toEqual(["email"]);
  });
});

describe("dates", () => {
  it.each([
    ["01-03-2024", "2024-03-01"],
    ["1-3-2024", "2024-03-01"],
    ["1/3/24", "2024-03-01"],
    ["31.12.99", "1999-12-31"],
    ["2024-03-01", "2024-03-01"],
    ["45352", "2024-03-01"],
    ["", null],
    ["  ", null],
  ])("%j is %j", (text, day) => {
    expect(parseImportDate(text, TODAY)).toBe(day);
  });

  it.each(["31-02-2024", "2024-13-01", "morgen", "1-3", "13/13/13"])("%j is not a day", (text) => {
    expect(parseImportDate(text, TODAY)).toBe(INVALID);
  });
});

describe("e-mail addresses and roles", () => {
  it("keeps a valid address in lower case and refuses others", () => {
    expect(parseImportEmail(" Anna.Jansen@GGDZL.nl ")).toBe("anna.jansen@ggdzl.nl");
    expect(parseImportEmail("")).toBeNull();
    expect(parseImportEmail("anna@")).toBe(INVALID);
    expect(parseImportEmail("anna jansen@ggd.nl")).toBe(INVALID);
  });

  it("reads a role by code, Dutch or English name", () => {
    expect(parseImportRole("Voorzitter")).toBe("voorzitter");
    expect(parseImportRole("vice-chair")).toBe("vicevoorzitter");
    expect(parseImportRole("Ambtelijk ondersteuner")).toBe("ambtelijk_ondersteuner");
    expect(parseImportRole("member")).toBe("lid");
    expect(parseImportRole("")).toBe("lid");
    expect(parseImportRole("koning")).toBe("invalid");
  });
});

describe("linking by name", () => {
  const organisations = [
    { id: 1, name: "Maastricht UMC+", short_name: "MUMC+" },
    { id: 2, name: "GGD Zuid Limburg", short_name: null },
    { id: 3, name: "Stichting Alliantie Santé B.V.", short_name: null },
    { id: 4, name: "Zuyderland Medisch Centrum", short_name: "Zuyderland" },
    { id: 5, name: "Zorggroep Meander", short_name: "ZM" },
  ];
  const index = nameIndex(organisations);

  it("makes keys without case, accents, punctuation or legal forms", () => {
    expect(nameKey("Stichting Alliantie Santé B.V.")).toBe("alliantiesante");
    expect(nameKey("alliantie sante")).toBe("alliantiesante");
    expect(abbreviationKey("GGD Zuid Limburg")).toBe("ggdzl");
    expect(abbreviationKey("Maastricht UMC+")).toBe("mumc+");
  });

  it.each([
    ["MUMC+", 1],
    ["mumc+", 1],
    ["Maastricht UMC+", 1],
    ["GGD ZL", 2],
    ["GGD Zuid-Limburg", 2],
    ["ggd zuid limburg", 2],
    ["Alliantie Santé", 3],
    ["ALLIANTIE SANTE BV", 3],
    ["Zuyderland", 4],
  ])("%j links to record %i", (text, id) => {
    expect(linkName(index, text)).toMatchObject({ kind: "linked", id });
  });

  it("links a merged organisation's former name to its survivor, showing the survivor's name", () => {
    const withFormer = nameIndex([
      ...organisations,
      { id: 2, name: "GGD Zuid-Limburg", short_name: null, shown_as: "GGD Zuid Limburg" },
      { id: 2, name: "Gemeentelijke Gezondheidsdienst ZL", short_name: null, shown_as: "GGD Zuid Limburg" },
    ]);
    expect(linkName(withFormer, "GGD Zuid Limburg")).toEqual({ kind: "linked", id: 2, name: "GGD Zuid Limburg" });
    expect(linkName(withFormer, "gemeentelijke gezondheidsdienst zl")).toEqual({
      kind: "linked",
      id: 2,
      name: "GGD Zuid Limburg",
    });
  });

  it("lists the candidates when a name fits two records, and finds none for an unknown name", () => {
    // "ZM" is the short name of one record: a name of the register before any abbreviation
    expect(linkName(index, "ZM")).toMatchObject({ kind: "linked", id: 5 });
    const twice = nameIndex([...organisations, { id: 6, name: "Zuyderland", short_name: null }]);
    expect(linkName(twice, "zuyderland")).toEqual({
      kind: "ambiguous",
      candidates: [
        { id: 4, name: "Zuyderland Medisch Centrum" },
        { id: 6, name: "Zuyderland" },
      ],
    });
    expect(linkName(index, "Huisartsenpraktijk De Linde")).toEqual({ kind: "none" });
  });
});

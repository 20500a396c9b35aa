import { describe, expect, it } from "vitest";
import {
  LIKELY_DUPLICATE,
  matchOrganisations,
  matchPeople,
  parseDutchName,
  phoneKey,
  surnameKey,
  websiteKey,
} from "../../app/services/duplicate-matching";

const jan = { first_name: "Jan", infix: "van den", last_name: "Berg", initials: "J." };

describe("the keys people are looked up by", () => {
  it("reduces an achternaam with or without glued tussenvoegsel to one block key", () => {
    for (const name of ["Berg", "berg", "Vandenberg", "van den Berg", "Van Den Berg", "v.d. Berg"]) {
      expect(surnameKey(name), name).toBe("berg");
    }
    expect(surnameKey("Terhorst")).toBe("horst");
    expect(surnameKey("Müller-Lüdenscheidt")).toBe("mullerludenscheidt");
  });

  it("keeps a short name that only looks like a tussenvoegsel", () => {
    expect(surnameKey("Deniz")).toBe("deniz");
    expect(surnameKey("Dekker")).toBe("kker");
    expect(surnameKey("Ten")).toBe("ten");
  });

  it("writes a Dutch phone number one way", () => {
    for (const phone of ["+31 6 1234 5678", "06-12 34 56 78", "0031 6 12345678", "+31 (0)6 12345678", "06 12345678"]) {
      expect(phoneKey(phone), phone).toBe("0612345678");
    }
    expect(phoneKey("+32 2 123 45 67")).toBe("003221234567");
    expect(phoneKey("1234")).toBe("");
    expect(phoneKey(null)).toBe("");
  });

  it("reduces a website to its host", () => {
    expect(websiteKey("https://www.ggdzl.nl/over-ons")).toBe("ggdzl.nl");
    expect(websiteKey("GGDZL.nl")).toBe("ggdzl.nl");
  });
});

describe("Dutch names written as one text", () => {
  it.each([
    ["J. van den Berg", { first_name: null, initials: "J.", infix: "van den", last_name: "Berg" }],
    ["Jan v.d. Berg", { first_name: "Jan", initials: null, infix: "v.d.", last_name: "Berg" }],
    ["Berg, Jan van den", { first_name: "Jan", initials: null, infix: "van den", last_name: "Berg" }],
    ["Jan Vandenberg", { first_name: "Jan", initials: null, infix: null, last_name: "Vandenberg" }],
    ["J.P. de Vries", { first_name: null, initials: "J.P.", infix: "de", last_name: "Vries" }],
    ["Anna Maria in 't Veld", { first_name: "Anna Maria", initials: null, infix: "in 't", last_name: "Veld" }],
    ["van Dijk", { first_name: null, initials: null, infix: "van", last_name: "Dijk" }],
  ])("reads %s", (text, expected) => {
    expect(parseDutchName(text)).toEqual(expected);
  });
});

describe("matching people", () => {
  const likely = (a: Parameters<typeof matchPeople>[0], b: Parameters<typeof matchPeople>[1]) =>
    matchPeople(a, b).score >= LIKELY_DUPLICATE;

  it("finds the Dutch variants of one name", () => {
    const variants = ["J. van den Berg", "Jan v.d. Berg", "Berg, Jan van den", "Jan Vandenberg", "jan van den berg"];
    for (const text of variants) {
      expect(likely(jan, parseDutchName(text)), text).toBe(true);
    }
  });

  it("says why in reason codes", () => {
    expect(matchPeople(jan, jan)).toEqual({ score: 65, reasons: ["same_name"] });
    expect(matchPeople(jan, parseDutchName("J. van den Berg")).reasons).toEqual(["initials_match_first_name"]);
    expect(matchPeople(jan, parseDutchName("Jan v.d. Berg")).reasons).toEqual([
      "same_name",
      "surname_spelled_differently",
    ]);
    expect(matchPeople(jan, { first_name: "Jan", infix: null, last_name: "Berg" }).reasons).toEqual([
      "same_name",
      "infix_differs",
    ]);
  });

  it("ignores accents and case", () => {
    const gerard = { first_name: "Gérard", infix: null, last_name: "Müller" };
    expect(matchPeople(gerard, { first_name: "gerard", infix: null, last_name: "MULLER" }).reasons).toEqual([
      "same_name",
    ]);
  });

  it("reads initials typed into the voornaam as initials", () => {
    const match = matchPeople(jan, { first_name: "J.", infix: "van den", last_name: "Berg" });
    expect(match.reasons).toEqual(["initials_match_first_name"]);
  });

  it("does not take initials of someone else for the same person", () => {
    expect(matchPeople(jan, { first_name: null, initials: "P.", infix: "van den", last_name: "Berg" }).score).toBe(0);
    expect(
      matchPeople(
        { ...jan, initials: "J.P." },
        { first_name: null, initials: "J.K.", infix: "van den", last_name: "Berg" },
      ).score,
    ).toBe(0);
  });

  it("does not match two different first names with the same surname", () => {
    expect(matchPeople(jan, { ...jan, first_name: "Piet", initials: "P." })).toEqual({ score: 0, reasons: [] });
  });

  it("finds first and last name swapped", () => {
    const swapped = { first_name: "Berg", infix: null, last_name: "Jan" };
    expect(matchPeople({ first_name: "Jan", infix: null, last_name: "Berg" }, swapped)).toEqual({
      score: 55,
      reasons: ["swapped_names"],
    });
  });

  it("counts the same e-mail address case-insensitively, without gmail's dot rule", () => {
    const a = { first_name: "Piet", infix: null, last_name: "Smeets", emails: ["P.Smeets@Example.org"] };
    const b = { first_name: "Pieter", infix: null, last_name: "Smeets-Janssen", emails: ["p.smeets@example.org"] };
    expect(matchPeople(a, b)).toEqual({ score: 50, reasons: ["same_email"] });
    const gmail = { ...b, emails: ["psmeets@gmail.com"] };
    expect(matchPeople({ ...a, emails: ["p.smeets@gmail.com"] }, gmail).score).toBe(0);
  });

  it("counts the same phone number however it is written", () => {
    const a = { first_name: "Piet", infix: null, last_name: "Smeets", phone: "+31 6 1234 5678" };
    const b = { first_name: "Pieter", infix: null, last_name: "Smeets", phone: "06-12345678" };
    expect(matchPeople(a, b)).toEqual({ score: 30, reasons: ["same_phone"] });
    expect(matchPeople({ ...a, first_name: null, initials: "P." }, b)).toEqual({
      score: 85,
      reasons: ["initials_match_first_name", "same_phone"],
    });
  });

  it("lets a shared organisation strengthen another sign but not make one", () => {
    const a = { first_name: null, initials: "J.", infix: null, last_name: "Houben", organisationIds: [7] };
    const b = { first_name: "Joost", infix: null, last_name: "Houben", organisationIds: [3, 7] };
    expect(matchPeople(a, b)).toEqual({ score: 70, reasons: ["initials_match_first_name", "same_organisation"] });
    const colleague = { first_name: "Karin", infix: null, last_name: "Coenen", organisationIds: [7] };
    expect(matchPeople(a, colleague).score).toBe(0);
  });

  it("keeps a surname alone below the threshold", () => {
    const match = matchPeople(jan, { first_name: null, initials: null, infix: "van den", last_name: "Berg" });
    expect(match).toEqual({ score: 35, reasons: ["same_surname"] });
    expect(match.score).toBeLessThan(LIKELY_DUPLICATE);
  });

  it("never scores above 100", () => {
    const full = { ...jan, phone: "0612345678", emails: ["jan@example.org"], organisationIds: [1] };
    expect(matchPeople(full, full).score).toBe(100);
  });
});

describe("matching organisations", () => {
  it("ignores case, accents, punctuation and legal forms", () => {
    expect(matchOrganisations({ name: "Stichting Zorggroep Méditta" }, { name: "zorggroep meditta" })).toEqual({
      score: 70,
      reasons: ["same_name"],
    });
    expect(matchOrganisations({ name: "GGD Zuid-Limburg" }, { name: "GGD Zuid Limburg" }).reasons).toEqual([
      "same_name",
    ]);
  });

  it("matches a name with its abbreviation or short name", () => {
    const mumc = { name: "Maastricht Universitair Medisch Centrum+", short_name: "MUMC+" };
    expect(matchOrganisations(mumc, { name: "MUMC+" }).reasons).toEqual(["name_is_abbreviation"]);
    expect(matchOrganisations({ name: "Maastricht UMC+", short_name: "MUMC+" }, mumc).reasons).toEqual([
      "same_short_name",
    ]);
    expect(
      matchOrganisations(
        { name: "Gemeentelijke Gezondheidsdienst Zuid-Limburg", short_name: "GGD ZL" },
        { name: "GGD ZL" },
      ).reasons,
    ).toEqual(["name_is_abbreviation"]);
  });

  it("counts e-mail address, website and phone", () => {
    const a = {
      name: "Huisartsenpraktijk Centrum",
      email: "info@hapc.nl",
      website: "https://www.hapc.nl",
      phone: "043-1234567",
    };
    const b = {
      name: "HAP Centrum Maastricht",
      email: "INFO@hapc.nl",
      website: "hapc.nl/contact",
      phone: "+31 43 123 45 67",
    };
    expect(matchOrganisations(a, b)).toEqual({ score: 100, reasons: ["same_email", "same_website", "same_phone"] });
  });

  it("does not match two different organisations", () => {
    expect(matchOrganisations({ name: "Gemeente Maastricht" }, { name: "Gemeente Heerlen" }).score).toBe(0);
  });
});

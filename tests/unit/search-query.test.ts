import { describe, expect, it } from "vitest";
import {
  ftsMatchExpression,
  MAX_SEARCH_WORDS,
  matchTier,
  quoteFtsString,
  rankCandidates,
  resultPath,
  searchWords,
} from "../../app/services/search-query";

describe("the full-text query made from what was typed", () => {
  it("quotes every word and lets the last one be unfinished", () => {
    expect(ftsMatchExpression("van den berg")).toBe('"van" "den" "berg"*');
    expect(ftsMatchExpression("sante")).toBe('"sante"*');
  });

  it("ignores extra spaces, tabs and line breaks around and between the words", () => {
    expect(ftsMatchExpression("  van\tden \n berg  ")).toBe('"van" "den" "berg"*');
  });

  it("keeps an e-mail address whole, as one quoted phrase", () => {
    expect(ftsMatchExpression("anna.vandenberg@example.org")).toBe('"anna.vandenberg@example.org"*');
  });

  it("is nothing when there is nothing to look for", () => {
    expect(ftsMatchExpression("")).toBeNull();
    expect(ftsMatchExpression("   ")).toBeNull();
    expect(ftsMatchExpression('" * - : ( ) ^')).toBeNull();
  });

  it("doubles a quote inside a word, so it cannot close the string", () => {
    expect(quoteFtsString('a"b')).toBe('"a""b"');
    expect(ftsMatchExpression('berg" OR "x')).toBe('"berg""" "OR" """x"*');
  });

  it("turns operators and syntax into plain quoted text", () => {
    expect(ftsMatchExpression("NEAR(berg sante)")).toBe('"NEAR(berg" "sante)"*');
    expect(ftsMatchExpression("berg AND NOT sante")).toBe('"berg" "AND" "NOT" "sante"*');
    expect(ftsMatchExpression("-berg name:sante ^a*")).toBe('"-berg" "name:sante" "^a*"*');
  });

  it("drops words that are only punctuation, which would match nothing", () => {
    expect(ftsMatchExpression('berg - " *')).toBe('"berg"*');
    expect(searchWords("van -- berg")).toEqual(["van", "berg"]);
  });

  it("removes control characters, including the NUL byte", () => {
    expect(ftsMatchExpression("ber\u0000g")).toBe('"ber" "g"*');
  });

  it("composes accents typed as separate marks, as the index stores them", () => {
    expect(searchWords("Sante\u0301")).toEqual(["Santé"]);
  });

  it("looks for at most a fixed number of words", () => {
    const many = Array.from({ length: 20 }, (_, i) => `w${i}`).join(" ");
    expect(searchWords(many)).toHaveLength(MAX_SEARCH_WORDS);
  });
});

describe("ranking the hits", () => {
  it("knows an exact name, a name that starts with the input, and a hit elsewhere", () => {
    expect(matchTier("berg", ["Anna van den Berg", "van den Berg", "Berg"])).toBe(0);
    expect(matchTier("van den berg", ["Anna van den Berg", "van den Berg", "Berg"])).toBe(0);
    expect(matchTier("berg", ["Erik Bergmans", "Bergmans"])).toBe(1);
    expect(matchTier("sante", ["Alliantie Santé"])).toBe(2);
  });

  it("compares without case, accents or extra spaces", () => {
    expect(matchTier("  ALLIANTIE   sante ", ["Alliantie Santé"])).toBe(0);
  });

  it("puts exact names first, then prefixes, then the best full-text score", () => {
    const hit = (title: string, score: number, labels: string[] = [title], archived = false) => ({
      title,
      score,
      labels,
      archived,
    });
    const ranked = rankCandidates("berg", [
      hit("Gemeente Heuvelberg", -9, ["Gemeente Heuvelberg", "berg"]),
      hit("Erik Bergmans", -5, ["Erik Bergmans", "Bergmans"]),
      hit("Anna van den Berg", -1, ["Anna van den Berg", "van den Berg", "Berg"]),
      hit("Werkgroep Bergland", -3),
      hit("Werkgroep Bergdorp", -4),
    ]);
    expect(ranked.map((c) => c.title)).toEqual([
      "Gemeente Heuvelberg",
      "Anna van den Berg",
      "Erik Bergmans",
      "Werkgroep Bergdorp",
      "Werkgroep Bergland",
    ]);
  });

  it("puts archived records after current ones of the same kind of match", () => {
    const ranked = rankCandidates("envida", [
      { title: "Envida", score: -5, labels: ["Envida"], archived: true },
      { title: "Envida", score: -1, labels: ["Envida"], archived: false },
      { title: "Envida Thuiszorg", score: -9, labels: ["Envida Thuiszorg"], archived: false },
    ]);
    expect(ranked.map((c) => [c.title, c.archived])).toEqual([
      ["Envida", false],
      ["Envida", true],
      ["Envida Thuiszorg", false],
    ]);
  });
});

describe("where a result leads", () => {
  it("opens the page of the person, organisation or body", () => {
    expect(resultPath({ kind: "person", id: 12 })).toBe("/personen/12");
    expect(resultPath({ kind: "organisation", id: 3 })).toBe("/organisaties/3");
    expect(resultPath({ kind: "body", id: 8 })).toBe("/gremia/8");
  });
});

import { describe, expect, it } from "vitest";
import { CHOICE_LIMIT, namedChoiceFrom, resolveNamedChoice } from "../../app/services/named-choice";

const choice = (id: number, name: string, shortName: string | null = null) => ({ id, name, shortName });

describe("a filter on one record chosen by name", () => {
  it("reads the id and the typed text from the URL", () => {
    expect(namedChoiceFrom(new URLSearchParams("organisatie=47&organisatie_naam=%20Envida%20"), "organisatie")).toEqual(
      { id: 47, text: "Envida" },
    );
    expect(namedChoiceFrom(new URLSearchParams("organisatie=x&organisatie_naam="), "organisatie")).toEqual({
      id: undefined,
      text: undefined,
    });
  });

  it("keeps the record with the asked id while the text still names it, accents and case aside", () => {
    const sante = choice(3, "Santé Zorg");
    expect(resolveNamedChoice({ id: 3, text: "sante zorg" }, sante, [choice(4, "Sante Zorg"), sante])).toEqual({
      state: "chosen",
      choice: sante,
    });
    expect(resolveNamedChoice({ id: 3 }, sante, [])).toEqual({ state: "chosen", choice: sante });
    expect(resolveNamedChoice({ id: 9 }, undefined, [])).toEqual({ state: "unknown", text: "#9" });
  });

  it("takes the one record named exactly (or by its short name) among others that contain the text", () => {
    const cmo = choice(1, "Centrum Maatschappelijke Ondersteuning", "CMO");
    expect(resolveNamedChoice({ text: "cmo" }, undefined, [cmo, choice(2, "CMO-overleg Parkstad")])).toEqual({
      state: "chosen",
      choice: cmo,
    });
  });

  it("offers several matches to choose from, saying when there are more", () => {
    const matches = Array.from({ length: CHOICE_LIMIT + 1 }, (_, i) => choice(i + 1, `Zorg ${i + 1}`));
    const result = resolveNamedChoice({ text: "zorg" }, undefined, matches);
    expect(result).toMatchObject({ state: "ambiguous", text: "zorg", more: true });
    expect(result.state === "ambiguous" && result.choices.length).toBe(CHOICE_LIMIT);
    expect(resolveNamedChoice({ text: "zorg" }, undefined, matches.slice(0, 2))).toMatchObject({
      state: "ambiguous",
      more: false,
    });
  });

  it("says when nothing matches, and filters on nothing when nothing is asked", () => {
    expect(resolveNamedChoice({ text: "Cicero" }, undefined, [])).toEqual({ state: "unknown", text: "Cicero" });
    expect(resolveNamedChoice({}, undefined, [])).toEqual({ state: "none" });
  });
});

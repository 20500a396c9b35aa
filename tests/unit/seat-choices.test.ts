import { describe, expect, it } from "vitest";
import { NO_CHOICES, organisationOptions, searchAsked, type SeatChoices } from "../../app/services/seat-choices";

describe("the search round trip of the seat forms", () => {
  it("searches what the pressed button names, and with Enter the field that holds text, else saves", () => {
    expect(searchAsked({ zoeken: "persoon", persoon_zoeken: " Peters " })).toEqual({ kind: "person", query: "Peters" });
    expect(searchAsked({ zoeken: "organisatie", persoon_zoeken: "Peters", organisatie_zoeken: "Envida" })).toEqual({
      kind: "organisation",
      query: "Envida",
    });
    expect(searchAsked({ zoeken: "enter", persoon_zoeken: "", organisatie_zoeken: "Envida" })).toEqual({
      kind: "organisation",
      query: "Envida",
    });
    expect(searchAsked({ zoeken: "enter", persoon_zoeken: " " })).toBeNull();
    expect(searchAsked({ persoon_zoeken: "Peters" })).toBeNull();
    expect(searchAsked({ zoeken: "persoon", persoon_zoeken: "" })).toEqual({ kind: "person", query: "" });
  });

  it("offers the chosen person's jobs first, everyone's (named) while nobody is chosen, then what was found, each once", () => {
    const choices: SeatChoices = {
      ...NO_CHOICES,
      people: [
        { id: 1, name: "Daan Peters", organisations: [{ id: 10, name: "Envida" }] },
        {
          id: 2,
          name: "Eva Bakker",
          organisations: [
            { id: 10, name: "Envida" },
            { id: 11, name: "CZ" },
          ],
        },
      ],
      organisations: [
        { id: 11, name: "CZ", archived: false },
        { id: 12, name: "Oud", archived: true },
      ],
    };
    const archived = (name: string) => `${name} (gearchiveerd)`;
    expect(organisationOptions(choices, 1, archived)).toEqual([
      { value: "10", label: "Envida" },
      { value: "11", label: "CZ" },
      { value: "12", label: "Oud (gearchiveerd)" },
    ]);
    expect(organisationOptions(choices, null, archived).map((o) => o.label)).toEqual([
      "Envida (Daan Peters, Eva Bakker)",
      "CZ (Eva Bakker)",
      "Oud (gearchiveerd)",
    ]);
  });
});

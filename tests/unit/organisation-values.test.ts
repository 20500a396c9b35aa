import { describe, expect, it } from "vitest";
import { readableConflict, readableOrganisationValue } from "../../app/components/organisation-form";
import { translator } from "../../app/i18n/index";

const names = {
  sectors: [{ id: 3, name_nl: "Huisartsenzorg", name_en: "GP care" }],
  regions: [{ id: 4, name: "Zuid-Limburg" }],
  subregions: [
    { id: 1, name: "Parkstad" },
    { id: 2, name: "Westelijke Mijnstreek" },
  ],
  organisations: [{ id: 7, name: "Koepel Zorg" }],
};
const nl = translator("nl");

describe("an organisation's stored values, as a reader sees them", () => {
  it("names the sector in the reader's language, the parent and the subregions instead of their ids", () => {
    expect(readableOrganisationValue("sector_id", 3, names, nl, "nl")).toBe("Huisartsenzorg");
    expect(readableOrganisationValue("sector_id", 3, names, translator("en"), "en")).toBe("GP care");
    expect(readableOrganisationValue("parent_id", 7, names, nl, "nl")).toBe("Koepel Zorg");
    expect(readableOrganisationValue("subregion_ids", [2, 1], names, nl, "nl")).toBe("Westelijke Mijnstreek, Parkstad");
    expect(readableOrganisationValue("region_ids", [4], names, nl, "nl")).toBe("Zuid-Limburg");
    expect(readableOrganisationValue("region_ids", [], names, nl, "nl")).toBe("geen regio");
  });

  it("says 'whole region' for no subregions, yes/no for the IZA flag, and nothing for an empty field", () => {
    expect(readableOrganisationValue("subregion_ids", [], names, nl, "nl")).toBe("hele regio");
    expect(readableOrganisationValue("iza_signatory", 1, names, nl, "nl")).toBe("ja");
    expect(readableOrganisationValue("iza_signatory", 0, names, nl, "nl")).toBe("nee");
    expect(readableOrganisationValue("website", null, names, nl, "nl")).toBeNull();
  });

  it("marks an id it has no name for, rather than showing a bare number", () => {
    expect(readableOrganisationValue("parent_id", 99, names, nl, "nl")).toBe("#99");
  });

  it("reads the conflict notice's text values (ids and lists as text) the same way", () => {
    const [change] = readableConflict(
      [
        {
          at: "2025-03-01T10:00:00.000Z",
          by: "Rita",
          fields: [
            { field: "subregion_ids", before: "[]", after: "[1,2]" },
            { field: "iza_signatory", before: "0", after: "1" },
            { field: "name", before: "HZP", after: "Huisartsenzorg Parkstad" },
          ],
        },
      ],
      names,
      nl,
      "nl",
    )!;
    expect(change!.fields).toEqual([
      { field: "subregion_ids", before: "hele regio", after: "Parkstad, Westelijke Mijnstreek" },
      { field: "iza_signatory", before: "nee", after: "ja" },
      { field: "name", before: "HZP", after: "Huisartsenzorg Parkstad" },
    ]);
  });

  it("reads a list of subregions as the log writes it now: none as empty, several separated by commas", () => {
    const [change] = readableConflict(
      [
        {
          at: "2025-03-01T10:00:00.000Z",
          by: "Rita",
          fields: [{ field: "subregion_ids", before: null, after: "1, 2" }],
        },
      ],
      names,
      nl,
      "nl",
    )!;
    expect(change!.fields).toEqual([
      { field: "subregion_ids", before: "hele regio", after: "Parkstad, Westelijke Mijnstreek" },
    ]);
  });
});

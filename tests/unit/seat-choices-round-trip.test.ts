import { describe, expect, it } from "vitest";
import { organisationsNamedIn, valuesAfterSearch } from "../../app/services/seat-choices";

describe("a seat form after a search", () => {
  it("comes back as posted, without the search button and with the searched field emptied", () => {
    const posted = {
      intent: "add",
      role: "lid",
      persoon_zoeken: "Peters",
      organisatie_zoeken: "Envida",
      zoeken: "persoon",
    };
    expect(valuesAfterSearch(posted, { kind: "person", query: "Peters" })).toEqual({
      intent: "add",
      role: "lid",
      persoon_zoeken: "",
      organisatie_zoeken: "Envida",
    });
    expect(valuesAfterSearch(posted, { kind: "organisation", query: "Envida" })).toMatchObject({
      persoon_zoeken: "Peters",
      organisatie_zoeken: "",
    });
  });
});

describe("the organisations a conflict names", () => {
  it("are those another editor's changes of the organisation field name, before and after", () => {
    const change = (fields: { field: string; before: string | null; after: string | null }[]) => ({
      at: "2025-01-01T10:00:00.000Z",
      by: "Rita",
      fields,
    });
    expect(
      organisationsNamedIn([
        change([
          { field: "role", before: "lid", after: "adviseur" },
          { field: "organisation_id", before: "3", after: null },
        ]),
        change([{ field: "organisation_id", before: null, after: "8" }]),
      ]),
    ).toEqual([3, 8]);
    expect(organisationsNamedIn([])).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { translator } from "../../app/i18n/index";
import { readableSeatConflict } from "../../app/services/seat-conflict";

describe("what others changed on a seat, as the page shows it", () => {
  it("names roles, organisations and days in the reader's language, and leaves other values as they are", () => {
    const changes = [
      {
        at: "2025-01-01T10:00:00.000Z",
        by: "Rita",
        fields: [
          { field: "role", before: "lid", after: "voorzitter" },
          { field: "organisation_id", before: "3", after: "99" },
          { field: "start_date", before: "2025-01-01", after: null },
          { field: "note", before: null, after: "namens de VVT" },
        ],
      },
    ];
    expect(readableSeatConflict(changes, [{ id: 3, name: "Envida" }], translator("nl"), "nl")).toEqual([
      {
        at: "2025-01-01T10:00:00.000Z",
        by: "Rita",
        fields: [
          { field: "role", before: "Lid", after: "Voorzitter" },
          { field: "organisation_id", before: "Envida", after: "99" },
          { field: "start_date", before: "1 januari 2025", after: null },
          { field: "note", before: null, after: "namens de VVT" },
        ],
      },
    ]);
    expect(readableSeatConflict(undefined, [], translator("en"), "en")).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { translator } from "../../app/i18n/index";
import { savedSearchFilterInWords } from "../../app/services/saved-search-text";

const dutch = translator("nl");

describe("a saved search's filter in words", () => {
  it("joins what the filter asks", () => {
    expect(
      savedSearchFilterInWords(
        {
          parsedFilter: { q: "arts", organisationId: 3, researchConsent: true },
          organisation_name: "GGD Zuid Limburg",
        },
        dutch,
      ),
    ).toBe("naam of e-mailadres bevat „arts” en werkt bij GGD Zuid Limburg en heeft toestemming voor onderzoeksmail");
  });

  it("says when the organisation is gone, or the filter cannot be read", () => {
    expect(savedSearchFilterInWords({ parsedFilter: { organisationId: 3 }, organisation_name: null }, dutch)).toBe(
      "werkt bij een organisatie die niet meer in het register staat",
    );
    expect(savedSearchFilterInWords({ parsedFilter: null, organisation_name: null }, dutch)).toBe(
      "filter onleesbaar: vindt niemand",
    );
  });

  it("speaks the reader's language", () => {
    expect(
      savedSearchFilterInWords({ parsedFilter: { researchConsent: true }, organisation_name: null }, translator("en")),
    ).toBe("has consented to research mail");
  });
});

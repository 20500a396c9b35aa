import { describe, expect, it } from "vitest";
import { i18nFor } from "../../app/i18n/index";
import { comparedWholeRegion, stratumCells, wholeRegionText } from "../../app/services/panel-tables";

const nl = i18nFor("nl").getFixedT("nl");
const en = i18nFor("en").getFixedT("en");

describe("where a member without a subregion counts (decision 046)", () => {
  it("is the wave's region by name, or all regions for a network-wide wave", () => {
    expect(wholeRegionText(nl, "Zuid-Limburg")).toBe("regio Zuid-Limburg");
    expect(wholeRegionText(nl, null)).toBe("alle regio's");
    expect(wholeRegionText(en, null)).toBe("all regions");
  });

  it("names both when two compared waves differ, and one when they agree", () => {
    const wave = (region_name: string | null) => ({ region_name });
    expect(comparedWholeRegion({ a: wave(null), b: wave(null) }, nl)).toBe("alle regio's");
    expect(comparedWholeRegion({ a: wave("Zuid-Limburg"), b: wave(null) }, nl)).toBe(
      "regio Zuid-Limburg / alle regio's",
    );
  });

  it("leaves a stratum's own subregion, region-qualified or not, as it is", () => {
    const stratum = { level: null, sectorCode: null, sectorName: null, subregion: "Noord- en Midden-Limburg — Noord" };
    expect(stratumCells(stratum, nl, wholeRegionText(nl, null)).subregion).toBe("Noord- en Midden-Limburg — Noord");
    expect(stratumCells({ ...stratum, subregion: null }, nl, wholeRegionText(nl, null)).subregion).toBe("alle regio's");
  });
});

import { describe, expect, it } from "vitest";
import { exclusionFormHref, panelListSearch, panelPageParams } from "../../app/services/panel-member-list";

const params = (search: string) => new URLSearchParams(search);

describe("the frozen panel page's list in the URL", () => {
  it("reads the filter, the page, the member whose form is open and the one the notice names", () => {
    expect(panelPageParams(params("q=%20bakker%20&uitgesloten=1&pagina=2&uitsluiten=7"))).toEqual({
      filter: { q: "bakker", excludedOnly: true, page: 2 },
      excludeId: 7,
      noticeId: undefined,
    });
    expect(panelPageParams(params("melding=uitgesloten&id=12")).noticeId).toBe(12);
  });

  it("reads a blank search as no search, and names no one without the notice asked for", () => {
    expect(panelPageParams(params("melding=bevroren&id=12")).noticeId).toBeUndefined();
    expect(panelPageParams(params("q=%20%20&id=12"))).toEqual({
      filter: { q: undefined, excludedOnly: false, page: 1 },
      excludeId: undefined,
      noticeId: undefined,
    });
  });

  it("carries only the list's own parameters", () => {
    expect(panelListSearch(params("q=bak&uitsluiten=7&pagina=2&melding=uitgesloten&id=3&uitgesloten="))).toBe(
      "q=bak&pagina=2",
    );
  });

  it("opens a member's exclusion form below the filter, keeping the list where it was", () => {
    expect(exclusionFormHref("/onderzoek/3/panel", "q=bak&pagina=2", 7)).toBe(
      "/onderzoek/3/panel?q=bak&pagina=2&uitsluiten=7#uitsluiten",
    );
    expect(exclusionFormHref("/onderzoek/3/panel", "", 7)).toBe("/onderzoek/3/panel?uitsluiten=7#uitsluiten");
  });
});

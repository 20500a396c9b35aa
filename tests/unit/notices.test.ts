import { describe, expect, it } from "vitest";
import { NOTICE_PARAM, NOTICES, noticeFrom, withNotice } from "../../app/services/notices";

describe("the notice after a change", () => {
  it("travels in one parameter, with the details an undo needs under their own names", () => {
    expect(NOTICE_PARAM).toBe("melding");
    expect(withNotice("/zetels/4", "opgeslagen")).toBe("/zetels/4?melding=opgeslagen");
    expect(withNotice("/personen/7/functies", "beeindigd", { id: 12, versie: 3 })).toBe(
      "/personen/7/functies?melding=beeindigd&id=12&versie=3",
    );
    expect(withNotice("/vergaderingen/5/bewerken", "geannuleerd", { versie: 2, was: "gepland" })).toBe(
      "/vergaderingen/5/bewerken?melding=geannuleerd&versie=2&was=gepland",
    );
  });

  it("keeps the query the address already has, and replaces a notice it carried", () => {
    expect(withNotice("/gremia/4?datum=2025-04-01", "verplaatst", { id: 9 })).toBe(
      "/gremia/4?datum=2025-04-01&melding=verplaatst&id=9",
    );
    expect(withNotice("/onderzoek/3/panel?", "uitgesloten", { id: 7 })).toBe(
      "/onderzoek/3/panel?melding=uitgesloten&id=7",
    );
    expect(withNotice("/account?melding=taal", "wachtwoord")).toBe("/account?melding=wachtwoord");
  });

  it("is read back only when it is one the page shows", () => {
    const shown = ["opgeslagen", "ongedaan"] as const;
    expect(noticeFrom(new URL(`http://x${withNotice("/zetels/4", "ongedaan")}`).searchParams, shown)).toBe("ongedaan");
    expect(noticeFrom(new URLSearchParams("melding=gearchiveerd"), shown)).toBeNull();
    expect(noticeFrom(new URLSearchParams("melding=onbekend"), shown)).toBeNull();
    expect(noticeFrom(new URLSearchParams("opgeslagen=1"), shown)).toBeNull();
    expect(noticeFrom(new URLSearchParams(""), shown)).toBeNull();
  });

  it("is one of a closed set of lower-camel Dutch words, each once", () => {
    expect(new Set(NOTICES).size).toBe(NOTICES.length);
    for (const notice of NOTICES) expect(notice).toMatch(/^[a-z]+(?:[A-Z][a-z]+)*$/);
  });
});

import { describe, expect, it } from "vitest";
import { noticeFrom } from "../../app/services/notices";
import { ORGANISATION_PAGE_NOTICES } from "../../app/services/organisation-page";

const notice = (query: string) => noticeFrom(new URLSearchParams(query), ORGANISATION_PAGE_NOTICES);

describe("the notice on an organisation's page", () => {
  it("reads the notice of the redirect that led there", () => {
    expect(notice("melding=aangemaakt")).toBe("aangemaakt");
    expect(notice("melding=opgeslagen")).toBe("opgeslagen");
    expect(notice("melding=gearchiveerd")).toBe("gearchiveerd");
    expect(notice("melding=hersteld")).toBe("hersteld");
    expect(notice("melding=ongedaan")).toBe("ongedaan");
  });

  it("shows nothing for a notice the page has no text for, or none", () => {
    expect(notice("")).toBeNull();
    expect(notice("melding=beeindigd")).toBeNull();
    expect(notice("melding=1")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { organisationPageNotice } from "../../app/services/organisation-page";

const notice = (query: string) => organisationPageNotice(new URLSearchParams(query));

describe("the notice on an organisation's page", () => {
  it("reads the parameter of the redirect that led there", () => {
    expect(notice("opgeslagen=nieuw")).toBe("created");
    expect(notice("opgeslagen=1")).toBe("saved");
    expect(notice("gearchiveerd=1")).toBe("archived");
    expect(notice("hersteld=1")).toBe("restored");
  });

  it("shows nothing for other values or none, and one notice when several are given", () => {
    expect(notice("")).toBeNull();
    expect(notice("opgeslagen=2")).toBeNull();
    expect(notice("gearchiveerd=ja")).toBeNull();
    expect(notice("hersteld=1&opgeslagen=1")).toBe("saved");
  });
});

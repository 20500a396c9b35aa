import { describe, expect, it } from "vitest";
import { isCurrentSection } from "../../app/components/navigation";

describe("the menu item of the current page", () => {
  it("marks a section for its own pages and the sections it includes", () => {
    const themes = { to: "/themas", also: ["/plannen"] };
    expect(isCurrentSection(themes, "/themas")).toBe(true);
    expect(isCurrentSection(themes, "/plannen/3/bewerken")).toBe(true);
    expect(isCurrentSection(themes, "/themasx")).toBe(false);
    expect(isCurrentSection({ to: "/gremia" }, "/personen/1")).toBe(false);
  });

  it("marks the overview only on the home page itself", () => {
    expect(isCurrentSection({ to: "/" }, "/")).toBe(true);
    expect(isCurrentSection({ to: "/" }, "/gremia")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "../../app/services/safe-redirect";

describe("redirect targets from user input", () => {
  it("keeps a path inside the app, with its query and hash", () => {
    expect(safeRedirectPath("/")).toBe("/");
    expect(safeRedirectPath("/personen?zoek=jansen&pagina=2")).toBe("/personen?zoek=jansen&pagina=2");
    expect(safeRedirectPath("/gremia/3#leden")).toBe("/gremia/3#leden");
  });

  it("refuses a protocol-relative address to another host", () => {
    expect(safeRedirectPath("//evil.example")).toBe("/");
    expect(safeRedirectPath("//evil.example/login")).toBe("/");
  });

  it("refuses a backslash that browsers read as a second slash", () => {
    expect(safeRedirectPath("/\\evil.example")).toBe("/");
  });

  it("refuses absolute URLs and other schemes", () => {
    expect(safeRedirectPath("http://evil.example")).toBe("/");
    expect(safeRedirectPath("https://evil.example/")).toBe("/");
    expect(safeRedirectPath("javascript:alert(1)")).toBe("/");
  });

  it("refuses relative paths, empty strings and anything that is not a string", () => {
    expect(safeRedirectPath("personen")).toBe("/");
    expect(safeRedirectPath("")).toBe("/");
    expect(safeRedirectPath(null)).toBe("/");
    expect(safeRedirectPath(undefined)).toBe("/");
    expect(safeRedirectPath(["/personen"])).toBe("/");
  });

  it("falls back to the given path", () => {
    expect(safeRedirectPath("//evil.example", "/login")).toBe("/login");
    expect(safeRedirectPath(undefined, "/personen")).toBe("/personen");
  });
});

describe("redirect targets that browsers rewrite", () => {
  // Browsers drop tabs and newlines from URLs, so "/\t/evil.example" becomes "//evil.example".
  it.each(["/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example"])(
    "refuses %j, which a browser resolves to another host",
    (target) => {
      const result = safeRedirectPath(target);
      expect(new URL(result, "http://kring.example/").host).toBe("kring.example");
    },
  );
});

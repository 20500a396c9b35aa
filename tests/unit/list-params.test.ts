import { describe, expect, it } from "vitest";
import { oneOf, pageFrom, paging, positiveIntFrom, sortFrom } from "../../app/services/list-params";

describe("list parameters from the URL", () => {
  it("reads a page number and ignores nonsense", () => {
    expect(pageFrom(new URLSearchParams("pagina=3"))).toBe(3);
    expect(pageFrom(new URLSearchParams("pagina=-1"))).toBe(1);
    expect(pageFrom(new URLSearchParams("pagina=abc"))).toBe(1);
    // a page beyond any list, whose offset would not fit the database's integers
    expect(pageFrom(new URLSearchParams("pagina=99999999999999999999"))).toBe(1_000_000);
  });

  it("reads ids and enumerations only when valid", () => {
    const params = new URLSearchParams("sector=4&niveau=tactisch&x=1.5");
    expect(positiveIntFrom(params, "sector")).toBe(4);
    expect(positiveIntFrom(params, "x")).toBeUndefined();
    // beyond any id PostgreSQL's integer column holds: it would be an error there, not "no such record"
    expect(positiveIntFrom(new URLSearchParams("id=2147483647"), "id")).toBe(2_147_483_647);
    expect(positiveIntFrom(new URLSearchParams("id=2147483648"), "id")).toBeUndefined();
    expect(positiveIntFrom(new URLSearchParams("id=99999999999999999999"), "id")).toBeUndefined();
    expect(oneOf(params, "niveau", ["strategisch", "tactisch"] as const)).toBe("tactisch");
    expect(oneOf(new URLSearchParams("niveau=hoog"), "niveau", ["tactisch"] as const)).toBeUndefined();
  });

  it("clamps a page past the end to the last page", () => {
    expect(paging(60, 9, 25)).toMatchObject({ page: 3, pages: 3, from: 51, to: 60, offset: 50 });
    expect(paging(0, 1, 25)).toMatchObject({ page: 1, pages: 1, from: 0, to: 0 });
  });
});

describe("the sort parameter", () => {
  const sorts = ["naam", "sector"] as const;
  it("is read under its one name, and under its former name from older links", () => {
    expect(sortFrom(new URLSearchParams("sortering=sector"), sorts)).toBe("sector");
    expect(sortFrom(new URLSearchParams("sorteer=sector"), sorts)).toBe("sector");
    expect(sortFrom(new URLSearchParams("sortering=naam&sorteer=sector"), sorts)).toBe("naam");
  });

  it("ignores an order the list does not offer", () => {
    expect(sortFrom(new URLSearchParams("sortering=wachtwoord"), sorts)).toBeUndefined();
  });
});

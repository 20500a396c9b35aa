import { describe, expect, it } from "vitest";
import { demoChoice, demoStartLine } from "../../app/server/demo-choice";

describe("whether a new database gets the demo network", () => {
  it("loads it into the default database file, for npm start on a laptop", () => {
    expect(demoChoice({})).toEqual({ load: true, because: "defaultDatabase" });
  });

  it("loads it into an empty PostgreSQL database, for trying Kring on PostgreSQL", () => {
    expect(demoChoice({ DATABASE_URL: "postgres://kring@localhost/kring" })).toEqual({
      load: true,
      because: "emptyPostgres",
    });
    expect(demoChoice({ DATABASE_URL: "postgres://kring@localhost/kring", KRING_DEMO: "0" })).toEqual({
      load: false,
      because: "switchedOff",
    });
  });

  it("loads nothing into a SQLite file a real install names, unless asked with KRING_DEMO=1", () => {
    expect(demoChoice({ DATABASE_PATH: "/srv/kring/kring.sqlite" })).toEqual({ load: false, because: "ownDatabase" });
    expect(demoChoice({ DATABASE_PATH: "/srv/kring/kring.sqlite", KRING_DEMO: "1" })).toEqual({
      load: true,
      because: "asked",
    });
  });

  it("loads nothing anywhere with KRING_DEMO=0", () => {
    expect(demoChoice({ KRING_DEMO: "0" })).toEqual({ load: false, because: "switchedOff" });
    expect(demoChoice({ KRING_DEMO: "0", DATABASE_PATH: "x.sqlite" })).toEqual({ load: false, because: "switchedOff" });
  });

  it("says at start-up why no demo was loaded, and warns when it went into a PostgreSQL database", () => {
    expect(demoStartLine({ load: false, because: "ownDatabase" }, false)).toMatch(/DATABASE_PATH.*KRING_DEMO=1/);
    expect(demoStartLine({ load: false, because: "switchedOff" }, false)).toMatch(/KRING_DEMO=0/);
    expect(demoStartLine({ load: true, because: "defaultDatabase" }, false)).toMatch(/bevat al gegevens/);
    expect(demoStartLine({ load: true, because: "emptyPostgres" }, true)).toMatch(/fictieve personen.*KRING_DEMO=0/);
    expect(demoStartLine({ load: true, because: "asked" }, true)).toBe("");
  });
});

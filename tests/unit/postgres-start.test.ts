import { describe, expect, it } from "vitest";
import { describeTarget } from "../../db/engine";
import { databaseTarget } from "../../db/index";
import { connectionProblem, missingExtensions, notUtf8 } from "../../db/postgres";

describe("choosing the database", () => {
  it("runs on PostgreSQL when DATABASE_URL is set, else on the SQLite file", () => {
    expect(databaseTarget({ DATABASE_URL: "postgres://kring@db/kring", DATABASE_PATH: "x.sqlite" })).toEqual({
      engine: "postgres",
      url: "postgres://kring@db/kring",
    });
    expect(databaseTarget({ DATABASE_PATH: "/srv/kring.sqlite" })).toEqual({
      engine: "sqlite",
      file: "/srv/kring.sqlite",
    });
    expect(databaseTarget({ DATABASE_URL: "  " }).engine).toBe("sqlite");
  });

  it("names a PostgreSQL database without its password", () => {
    const where = describeTarget({ engine: "postgres", url: "postgres://kring:geheim%21@db.example.nl:5433/kring" });
    expect(where).toBe("postgres://kring@db.example.nl:5433/kring");
    expect(describeTarget({ engine: "postgres", url: "geen url" })).not.toContain("geen url");
  });
});

describe("why PostgreSQL could not be used, in one line", () => {
  it("says what to check for an unreachable server, refused credentials and a missing database", () => {
    expect(connectionProblem(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toMatch(
      /cannot be reached.*host and port in DATABASE_URL/,
    );
    expect(
      connectionProblem(Object.assign(new Error('password authentication failed for user "kring"'), { code: "28P01" })),
    ).toMatch(/refused the user name or password in DATABASE_URL/);
    expect(connectionProblem(Object.assign(new Error('database "kring" does not exist'), { code: "3D000" }))).toMatch(
      /does not exist: create it first/,
    );
    expect(connectionProblem(new Error("something else"))).toBeNull();
  });

  it("names the extensions the server lacks and where they come from", () => {
    expect(missingExtensions(["plpgsql", "unaccent", "pg_trgm"])).toBeNull();
    expect(missingExtensions(["unaccent"])).toMatch(/lacks the extension pg_trgm, which the search needs.*contrib/);
    expect(missingExtensions([])).toMatch(/extensions unaccent and pg_trgm/);
  });

  it("refuses a database that is not in UTF8, saying how to create one that is", () => {
    expect(notUtf8("UTF8")).toBeNull();
    expect(notUtf8("SQL_ASCII")).toMatch(
      /encoding is SQL_ASCII, and Kring needs UTF8: create it with .*ENCODING 'UTF8'/,
    );
  });
});

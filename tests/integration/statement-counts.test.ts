import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { countStatements, statementGrowth, statementSummary } from "../support/statements";

/**
 * Query hygiene: every list and detail page runs a fixed number of SQL statements, however many
 * rows it shows.
 */

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

describe("the statement counter", () => {
  it("counts each executed query builder statement once, and not a query only compiled", async () => {
    const { db, statements } = countStatements(t.db);
    const query = db.selectFrom("people").select("id").where("last_name", "=", "Jansen");
    query.compile();
    expect(statements).toEqual([]);
    await query.execute();
    await db.selectFrom("organisations").selectAll().executeTakeFirst();
    expect(statements).toEqual([
      'select "id" from "people" where "last_name" = ?',
      'select * from "organisations"',
    ]);
  });

  it("counts raw sql run on the counting handle", async () => {
    const { db, statements } = countStatements(t.db);
    await sql`select count(*) from people`.execute(db);
    expect(statements).toEqual(["select count(*) from people"]);
  });

  it("counts the statements inside a transaction (not its begin and commit)", async () => {
    const { db, statements } = countStatements(t.db);
    await db.transaction().execute(async (trx) => {
      await trx.insertInto("regions").values({ code: "zl", name: "Zuid-Limburg" }).execute();
      await sql`select 1`.execute(trx);
    });
    expect(statements).toEqual(['insert into "regions" ("code", "name") values (?, ?)', "select 1"]);
  });

  it("leaves the database it was given uncounted", async () => {
    const { statements } = countStatements(t.db);
    await t.db.selectFrom("people").select("id").execute();
    expect(statements).toEqual([]);
  });

  it("summarises a repeated statement first, with how often it ran", () => {
    expect(statementSummary(["select a", "select b", "select b"])).toBe("  2× select b\n  1× select a");
  });

  it("shows which statements ran more often the second time", () => {
    expect(statementGrowth(["select a", "select b"], ["select a", "select b", "select b", "select c"])).toBe("1× → 2× select b\n0× → 1× select c");
  });
});

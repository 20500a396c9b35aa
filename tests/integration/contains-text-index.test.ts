import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { containsText } from "../../db/dialect";
import { createTestDatabase, makePerson, type TestDatabase } from "../support/db";
import { TEST_ENGINE } from "../support/test-database";

/**
 * The lists' "contains" filters can use PostgreSQL's trigram indexes (migration 0011): the index's
 * expression must be exactly the one containsText writes, or the planner never picks it. With
 * sequential scans switched off the plan shows whether an index can serve the filter at all.
 */
describe.runIf(TEST_ENGINE === "postgres")("the trigram indexes of the contains filters", () => {
  let t: TestDatabase;
  beforeEach(async () => (t = await createTestDatabase()));
  afterEach(() => t.cleanup());

  async function plan(table: "people" | "organisations" | "bodies" | "panel_members", column: string, text: string) {
    return t.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const rows = await trx
        .selectFrom(table)
        .select("id")
        .where(containsText(sql.ref(column), text))
        .explain();
      return rows.map((row) => Object.values(row).join(" ")).join("\n");
    });
  }

  it("serve a name that contains the typed text, wildcards in it taken as letters", async () => {
    await makePerson(t.db, { first_name: "Anna", infix: "van den", last_name: "Berg" });
    expect(await plan("people", "last_name", "berg")).toContain("people_last_name_contains");
    expect(await plan("people", "first_name", "an_na%")).toContain("people_first_name_contains");
    expect(await plan("organisations", "name", "santé")).toContain("organisations_name_contains");
    expect(await plan("organisations", "short_name", "mum")).toContain("organisations_short_name_contains");
    expect(await plan("bodies", "name", "regie")).toContain("bodies_name_contains");
    expect(await plan("panel_members", "email", "example.org")).toContain("panel_members_email_contains");
  });

  it("find the same rows with the index as without", async () => {
    for (const last_name of ["Berg", "Bergmans", "Vandenberg", "Smeets", "Berger"])
      await makePerson(t.db, { last_name });
    const names = await t.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      return trx
        .selectFrom("people")
        .select("last_name")
        .where(containsText(sql.ref("last_name"), "BERG"))
        .orderBy("last_name")
        .execute();
    });
    expect(names.map((row) => row.last_name)).toEqual(["Berg", "Berger", "Bergmans", "Vandenberg"]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DB, openMigratedDatabase } from "../../db/index";
import { makeUser, sessionCookieFor } from "../support/db";
import { frozenWave } from "../support/panels";
import { type RunningServer, startServer } from "../support/server";
import { databaseEnv, emptyDatabase, type FreshDatabase, TEST_ENGINE } from "../support/test-database";

/**
 * Several Kring servers behind a load balancer share one PostgreSQL database: started together on
 * a new database they migrate it and load the demo network once, an edit sent to both on the same
 * version is saved once and refused once (no lost update), and both derive the same pseudonyms.
 * SQLite has one server per file, so this runs on PostgreSQL only.
 */
describe.runIf(TEST_ENGINE === "postgres")("two servers on one PostgreSQL database", () => {
  let database: FreshDatabase;
  let servers: RunningServer[] = [];
  let db: DB;

  beforeAll(async () => {
    database = await emptyDatabase();
    const env = { ...databaseEnv(database.target), KRING_DEMO: "1", KRING_PSEUDONYM_SECRET: undefined };
    servers = await Promise.all([startServer({ env, timeoutMs: 90_000 }), startServer({ env, timeoutMs: 90_000 })]);
    db = await openMigratedDatabase(database.target);
  });

  afterAll(async () => {
    await db?.destroy();
    for (const server of servers) await server.stop();
    await database?.drop();
  });

  it("migrate the new database and load the demo network once, however they start together", async () => {
    const loaded = servers.filter((server) => server.output().includes("Demonetwerk geladen"));
    expect(loaded).toHaveLength(1);
    const other = servers.find((server) => server !== loaded[0]);
    expect(other?.output()).toContain("Demonetwerk niet geladen: de database bevat al gegevens.");
    const doubles = await db
      .selectFrom("organisations")
      .select("name")
      .groupBy("name")
      .having((eb) => eb.fn.countAll(), ">", 1)
      .execute();
    expect(doubles).toEqual([]);
    const organisations = await db.selectFrom("organisations").select("id").execute();
    expect(organisations.length).toBeGreaterThan(10);
  });

  it("save one of two edits sent to both on the same version, and refuse the other with 409", async () => {
    const { user } = await makeUser(db, { role: "redacteur" });
    const cookie = await sessionCookieFor(db, user.id);
    const organisation = await db.selectFrom("organisations").selectAll().orderBy("id").executeTakeFirstOrThrow();
    const subregions = await db
      .selectFrom("organisation_subregions")
      .select("subregion_id")
      .where("organisation_id", "=", organisation.id)
      .execute();
    const regions = await db
      .selectFrom("organisation_regions")
      .select("region_id")
      .where("organisation_id", "=", organisation.id)
      .execute();
    const form = (notes: string) => {
      const body = new URLSearchParams({
        intent: "save",
        version: String(organisation.version),
        name: organisation.name,
        short_name: organisation.short_name ?? "",
        sector_id: String(organisation.sector_id),
        parent_id: organisation.parent_id === null ? "" : String(organisation.parent_id),
        website: organisation.website ?? "",
        email: organisation.email ?? "",
        phone: organisation.phone ?? "",
        address: organisation.address ?? "",
        notes,
      });
      for (const { region_id } of regions) body.append("region_ids", String(region_id));
      for (const { subregion_id } of subregions) body.append("subregion_ids", String(subregion_id));
      if (organisation.iza_signatory) body.append("iza_signatory", "on");
      return body;
    };
    const answers = await Promise.all(
      servers.map((server, n) =>
        fetch(`${server.url}/organisaties/${organisation.id}/bewerken`, {
          method: "POST",
          redirect: "manual",
          headers: { Cookie: cookie, Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
          body: form(`Bewerkt via server ${n + 1}`),
        }),
      ),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([302, 409]);
    const winner = answers.findIndex((answer) => answer.status === 302);
    const stored = await db
      .selectFrom("organisations")
      .select(["version", "notes"])
      .where("id", "=", organisation.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ version: organisation.version + 1, notes: `Bewerkt via server ${winner + 1}` });
  });

  it("give the same pseudonyms from both, from the one key kept in the database", async () => {
    const { user } = await makeUser(db, { role: "onderzoeker" });
    const cookie = await sessionCookieFor(db, user.id);
    const wave = await frozenWave(db, user, "Netwerkmeting 2025", "2025-10-01");
    const files = await Promise.all(
      servers.map(async (server) => {
        const response = await fetch(`${server.url}/onderzoek/${wave.id}/export/pseudoniem`, {
          headers: { Cookie: cookie },
        });
        expect(response.status).toBe(200);
        return response.text();
      }),
    );
    expect(files[0]?.split("\n").length).toBeGreaterThan(2);
    expect(files[1]).toBe(files[0]);
    // one key for both servers, beside the mark of the demo network they loaded once and its start region
    const keys = await db.selectFrom("settings").select("key").orderBy("key").execute();
    expect(keys).toEqual([{ key: "demo_network" }, { key: "pseudonym_secret" }, { key: "start_region" }]);
  });
});

import { sql } from "kysely";
import { createFeed } from "../../app/models/calendar.server";
import { createImportBatch } from "../../app/models/imports.server";
import { firstRegionId } from "../../app/models/regions.server";
import { suggestMapping } from "../../app/services/import-fields";
import { readImportFile } from "../../app/services/import-file.server";
import { drawSample } from "../../app/models/interview-samples.server";
import type { DB } from "../../db/index";
import { loadDemo } from "../../seeds/load";
import { frozenWave } from "./panels";
import { userWithNetworkRole } from "./users";

/**
 * Loads the demo network and returns a real id for each route parameter (urlOf's samples): a person
 * with a current seat, an e-mail address and a job, a meeting of that seat's body, a frozen survey
 * wave with an interview sample, a calendar feed of the body, an uploaded import, and the lezer as the user to
 * manage. `beforeWave` changes the register before the wave freezes it into its panel.
 */
export async function demoWithSamples(
  db: DB,
  options: { waveName?: string; beforeWave?: (db: DB) => Promise<void> } = {},
): Promise<Record<string, string>> {
  await loadDemo(db);
  await options.beforeWave?.(db);
  const beheerder = await userWithNetworkRole(db, "beheerder");
  const lezer = await userWithNetworkRole(db, "lezer");
  const seat = await db
    .selectFrom("seats")
    .innerJoin("person_emails", "person_emails.person_id", "seats.person_id")
    .innerJoin("affiliations", "affiliations.person_id", "seats.person_id")
    .select(["seats.id", "seats.person_id", "seats.body_id"])
    .where("seats.end_date", "is", null)
    .orderBy("seats.id")
    .executeTakeFirstOrThrow();
  const meeting = await db
    .selectFrom("meetings")
    .select("id")
    .where("body_id", "=", seat.body_id)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const organisation = await db.selectFrom("organisations").select("id").orderBy("id").executeTakeFirstOrThrow();
  const plan = await db.selectFrom("plans").select("id").orderBy("id").executeTakeFirstOrThrow();
  const theme = await db.selectFrom("themes").select("id").orderBy("id").executeTakeFirstOrThrow();
  const region = await db.selectFrom("regions").select("id").orderBy("id").executeTakeFirstOrThrow();
  const wave = await frozenWave(db, beheerder, options.waveName ?? "Netwerkpanel 2026", "2026-10-01");
  const feed = await createFeed(db, beheerder, seat.body_id, null);
  const upload = await readImportFile("lijst.csv", new TextEncoder().encode("Achternaam;Organisatie\nJansen;MUMC+\n"));
  if (!upload.ok) throw new Error(upload.message);
  const batchId = await createImportBatch(
    db,
    beheerder,
    "lijst.csv",
    upload.table,
    suggestMapping(upload.table.headers),
    await firstRegionId(db),
  );
  const sample = await drawSample(db, beheerder, wave.id, { size: 1, seed: 1 });
  return {
    personId: String(seat.person_id),
    bodyId: String(seat.body_id),
    seatId: String(seat.id),
    meetingId: String(meeting.id),
    organisationId: String(organisation.id),
    planId: String(plan.id),
    themeId: String(theme.id),
    regionId: String(region.id),
    userId: String(lezer.id),
    waveId: String(wave.id),
    batchId: String(batchId),
    sampleId: String(sample),
    soort: "uitnodiging",
    kind: "csv",
    token: `${feed.token}.ics`,
  };
}

/** How many rows each table of the database holds: what a request that must change nothing leaves as it was. */
export async function rowCounts(db: DB): Promise<Record<string, number>> {
  const tables = (await db.introspection.getTables()).map((table) => table.name);
  const counts = sql.join(
    tables.map((name) => sql`select ${name} as name, count(*) as n from ${sql.table(name)}`),
    sql` union all `,
  );
  const { rows } = await sql<{ name: string; n: number | string }>`${counts}`.execute(db);
  return Object.fromEntries(rows.map((row) => [row.name, Number(row.n)]));
}

import { type Kysely, sql } from "kysely";
import { engineOf } from "../engine";

/**
 * A survey wave may belong to no region: a network-wide wave, whose panel is drawn from every
 * region (decision 046). PostgreSQL drops the NOT NULL that 0019 set; SQLite drops the triggers
 * that stood in for it. The foreign key to regions stays: a wave with a region still needs one that
 * exists.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (engineOf(db) === "postgres") {
    await sql`alter table survey_waves alter column region_id drop not null`.execute(db);
    return;
  }
  await sql`drop trigger if exists survey_waves_region_required_insert`.execute(db);
  await sql`drop trigger if exists survey_waves_region_required_update`.execute(db);
}

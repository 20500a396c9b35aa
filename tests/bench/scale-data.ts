import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import pg from "pg";
import { todayInAmsterdam } from "../../app/i18n/format";
import { copyRegister } from "../../db/copy";
import { openMigratedDatabase } from "../../db/index";
import { databaseOf, onDatabase } from "../../db/postgres";
import { DEFAULT_SCALE_DATABASE, generateScaleNetwork } from "./scale-network";

/**
 * `npm run bench:data -- --scale N`: writes the benchmark's synthetic network to
 * `.bench/kring-scale.sqlite` (or `--out FILE`), never to the demo or production database. With
 * `--postgres postgres://user:password@host/kring_scale` it then copies that network into that
 * PostgreSQL database (made anew: its name must start with kring_scale), with the copy every
 * install uses to move to PostgreSQL (db/copy.ts).
 */

async function main() {
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "100" },
      out: { type: "string" },
      today: { type: "string" },
      postgres: { type: "string" },
    },
  });
  const scale = Number(values.scale);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1000) {
    throw new Error(`--scale wants a number above 0 and at most 1000 (100 ≈ 50 000 people), not "${values.scale}".`);
  }
  const file = path.resolve(values.out ?? DEFAULT_SCALE_DATABASE);
  if (file === path.resolve(process.env.DATABASE_PATH || path.join("data", "kring.sqlite"))) {
    throw new Error(`${file} is the application's database; the scale data goes to a file of its own.`);
  }
  const today = values.today ?? todayInAmsterdam();
  const started = performance.now();
  console.log(`Schaaldata ×${scale} (peildag ${today}) → ${file}`);
  const counts = await generateScaleNetwork(file, {
    scale,
    today,
    log: (line) => console.log(`  ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s  ${line}`),
  });
  console.log(`Klaar in ${((performance.now() - started) / 1000).toFixed(1)} s:`);
  for (const [what, count] of Object.entries(counts))
    console.log(`  ${what.padEnd(14)} ${count.toLocaleString("nl-NL").padStart(12)}`);
  if (values.postgres) await copyToPostgres(file, values.postgres);
}

/** The network just written, copied into a PostgreSQL database of the benchmark's own. */
async function copyToPostgres(file: string, url: string) {
  const database = databaseOf(url);
  if (!/^kring_scale\w*$/.test(database)) {
    throw new Error(`--postgres names the database ${database}; the benchmark's own starts with kring_scale.`);
  }
  const admin = new pg.Client({ connectionString: onDatabase(url, "postgres") });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.query(`create database ${database} encoding 'UTF8' template template0`);
  } finally {
    await admin.end();
  }
  const started = performance.now();
  console.log(`Kopie naar PostgreSQL → ${database}`);
  const source = await openMigratedDatabase(file);
  const target = await openMigratedDatabase({ engine: "postgres", url });
  try {
    await copyRegister(source, target, {
      log: (line) => console.log(`  ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s  ${line}`),
    });
    // the planner's statistics now, not when autovacuum gets round to the new tables
    await sql`analyze`.execute(target);
  } finally {
    await source.destroy();
    await target.destroy();
  }
  console.log(
    `Gekopieerd in ${((performance.now() - started) / 1000).toFixed(1)} s; npm run bench met KRING_BENCH_DATABASE=${url.replace(/:[^:@/]*@/, ":…@")}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { type DB, openMigratedDatabase } from "../../db/index";
import type { Actor } from "../../app/models/audit.server";
import {
  createImportBatch,
  getImportBatch,
  previewImportBatch,
  runImport,
  startImport,
  startImportPreview,
  undoImport,
} from "../../app/models/imports.server";
import { suggestMapping } from "../../app/services/import-fields";
import { readImportFile } from "../../app/services/import-file.server";
import { linkName, nameIndex } from "../../app/services/import-values";
import { DEFAULT_SCALE_DATABASE } from "./scale-network";
import { userWithNetworkRole } from "../support/users";

/**
 * The spreadsheet import at national scale: a 10 000-row file of new people, each with a job at an
 * organisation of the register and a seat in one of the region's bodies (linked by name), read and
 * previewed (< 10 s), imported in its one transaction (< 30 s) — which also links to the region the
 * organisations not yet in it — then undone so the database is as it was.
 * Alone: `npx tsx tests/bench/import.ts` on a copy of the scale database.
 */

export const IMPORT_TARGETS = { rows: 10_000, previewMs: 10_000, importMs: 30_000 };

export interface ImportBenchLine {
  name: string;
  target: string;
  pass: boolean;
  figures: Record<string, number | string>;
}

/** The region with the most bodies: the file's bodies are looked up in the upload's region. */
async function busiestRegion(db: DB): Promise<number> {
  const row = await db
    .selectFrom("bodies")
    .select(["region_id", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("region_id")
    .orderBy("n", "desc")
    .orderBy("region_id")
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.region_id;
}

/** Names the register links to one record each, so that the file is clean as an office's would be after fixing. */
async function linkableNames(db: DB, regionId: number) {
  const organisations = await db
    .selectFrom("organisations")
    .select(["id", "name", "short_name"])
    .where("archived_at", "is", null)
    .execute();
  const bodies = await db
    .selectFrom("bodies")
    .select(["id", "name", "abbreviation as short_name"])
    .where("archived_at", "is", null)
    .where("region_id", "=", regionId)
    .execute();
  const organisationIndex = nameIndex(organisations);
  const bodyIndex = nameIndex(bodies);
  return {
    organisations: organisations
      .filter((o) => linkName(organisationIndex, o.name).kind === "linked")
      .map((o) => o.name),
    bodies: bodies.filter((b) => linkName(bodyIndex, b.name).kind === "linked").map((b) => b.name),
  };
}

const cell = (text: string) => (/[;"\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

export function importFile(rows: number, names: { organisations: string[]; bodies: string[] }): Uint8Array {
  const lines = ["Voornaam;Tussenvoegsel;Achternaam;E-mail;Organisatie;Functie;Gremium;Rol;Vanaf"];
  for (let i = 0; i < rows; i += 1) {
    const organisation = names.organisations[(i * 7919) % names.organisations.length]!;
    const body = names.bodies[(i * 104_729) % names.bodies.length]!;
    const day = String(1 + (i % 28)).padStart(2, "0");
    lines.push(
      [
        "Benchmark",
        i % 3 === 0 ? "van der" : "",
        `Import ${i}`,
        `bench.import.${i}@voorbeeld.nl`,
        organisation,
        "adviseur",
        body,
        i % 10 === 0 ? "Voorzitter" : "lid",
        `${day}-03-2026`,
      ]
        .map(cell)
        .join(";"),
    );
  }
  return new TextEncoder().encode(`${lines.join("\r\n")}\r\n`);
}

export async function benchImport(db: DB, actor: Actor, report: (line: ImportBenchLine) => void): Promise<void> {
  const regionId = await busiestRegion(db);
  const names = await linkableNames(db, regionId);
  const file = importFile(IMPORT_TARGETS.rows, names);
  const rows = IMPORT_TARGETS.rows.toLocaleString("nl-NL");

  const previewStart = performance.now();
  const read = await readImportFile("bench.csv", file);
  if (!read.ok) throw new Error(`the benchmark's file was refused: ${read.message}`);
  const id = await createImportBatch(db, actor, "bench.csv", read.table, suggestMapping(read.table.headers), regionId);
  const uploaded = (await getImportBatch(db, id))!;
  await startImportPreview(db, actor, id, uploaded.version, uploaded.mapping!);
  const preview = (await previewImportBatch(db, id))!;
  const previewMs = performance.now() - previewStart;
  report({
    name: `import: ${rows} rijen inlezen en voorbeeld`,
    target: `< ${IMPORT_TARGETS.previewMs / 1000} s`,
    pass: previewMs < IMPORT_TARGETS.previewMs && preview.errorRows === 0,
    figures: { tijd: previewMs, "rijen met fouten": String(preview.errorRows) },
  });

  const importStart = performance.now();
  const version = await startImport(db, actor, id, (await getImportBatch(db, id))!.version);
  const counts = await runImport(db, actor, id, version, new Date(), () => undefined);
  const importMs = performance.now() - importStart;
  report({
    name: `import: ${rows} rijen importeren in één transactie`,
    target: `< ${IMPORT_TARGETS.importMs / 1000} s`,
    pass: importMs < IMPORT_TARGETS.importMs && counts.people === IMPORT_TARGETS.rows,
    figures: {
      tijd: importMs,
      aangemaakt: `${counts.people} personen, ${counts.affiliations} functies, ${counts.seats} zetels`,
      "aan de regio gekoppeld": `${preview.rows.filter((row) => row.warnings.some((w) => w.message.startsWith("import.warnings.linkedToRegion"))).length} organisaties`,
    },
  });

  const undoStart = performance.now();
  await undoImport(db, actor, id, (await getImportBatch(db, id))!.version);
  report({
    name: `import: ${rows} rijen ongedaan maken`,
    target: "hersteld",
    pass: true,
    figures: { tijd: performance.now() - undoStart },
  });
}

/** Run alone on a copy of the scale database (SQLite), never on the database itself. */
async function alone() {
  const source = process.env.KRING_BENCH_DATABASE ?? DEFAULT_SCALE_DATABASE;
  const dir = mkdtempSync(path.join(os.tmpdir(), "kring-bench-import-"));
  const copy = path.join(dir, "kring.sqlite");
  copyFileSync(source, copy);
  const db = await openMigratedDatabase({ engine: "sqlite", file: copy });
  try {
    const user = await userWithNetworkRole(db, "beheerder");
    await benchImport(db, user, (line) =>
      console.log(
        `${line.pass ? "PASS" : "FAIL"}  ${line.name.padEnd(58)} ${Object.entries(line.figures)
          .map(([key, value]) => `${key} ${typeof value === "number" ? `${value.toFixed(0)} ms` : value}`)
          .join(" · ")}  (norm: ${line.target})`,
      ),
    );
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await alone();

import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { type DB, openMigratedDatabase } from "../../db/index";
import { likelyDuplicatePeoplePairs, likelyDuplicatesOfPeople } from "../../app/models/duplicates.server";
import { DEFAULT_SCALE_DATABASE } from "./scale-network";

/**
 * The duplicate pairs of the whole register at national scale (50 000 people): the page's model
 * call must answer in under 2 s, and an import's check of 10 000 rows in a few seconds. The scale
 * network has no deliberate duplicates, so variants of 200 of its people are added first (written
 * with initials, with "v.d.", glued tussenvoegsel, swapped names): the pairs page must find them.
 */

export const DUPLICATES_TARGET_MS = 2_000;
const IMPORT_CHECK_TARGET_MS = 5_000;
const VARIANTS = 200;
const RUNS = 5;

export interface DuplicatesBenchLine {
  name: string;
  target: string;
  pass: boolean;
  figures: Record<string, number | string>;
}

async function addVariants(db: DB): Promise<number[]> {
  const people = await db
    .selectFrom("people")
    .select(["id", "first_name", "infix", "last_name", "initials"])
    .where("archived_at", "is", null)
    .where("erased_at", "is", null)
    .orderBy("id")
    .limit(VARIANTS)
    .execute();
  const variantOf = (person: (typeof people)[number], i: number) => {
    const first = person.first_name ?? "X";
    switch (i % 4) {
      case 0:
        return { first_name: null, initials: `${first[0]}.`, infix: person.infix, last_name: person.last_name };
      case 1:
        return {
          first_name: first,
          initials: null,
          infix: null,
          last_name: `${person.infix ?? ""}${person.last_name}`,
        };
      case 2:
        return { first_name: first.toUpperCase(), initials: null, infix: person.infix, last_name: person.last_name };
      default:
        return { first_name: person.last_name, initials: null, infix: null, last_name: first };
    }
  };
  const inserted = await db
    .insertInto("people")
    .values(
      people.map((person, i) => ({ ...variantOf(person, i), salutation: null, title: null, phone: null, notes: null })),
    )
    .returning("id")
    .execute();
  return people.map((person) => person.id).concat(inserted.map((row) => row.id));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchDuplicates(db: DB): Promise<DuplicatesBenchLine[]> {
  const involved = new Set(await addVariants(db));
  const times: number[] = [];
  let first: Awaited<ReturnType<typeof likelyDuplicatePeoplePairs>> | null = null;
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    first = await likelyDuplicatePeoplePairs(db, 1);
    times.push(performance.now() - started);
  }
  const pairs = first!;
  const people = await db
    .selectFrom("people")
    .select(["first_name", "infix", "last_name", "initials", "phone"])
    .orderBy("id", "desc")
    .limit(10_000)
    .execute();
  const started = performance.now();
  const found = await likelyDuplicatesOfPeople(db, people);
  const importMs = performance.now() - started;
  const pageMs = median(times);
  const variantsOnFirstPage = pairs.pairs.filter(
    (pair) => involved.has(pair.survivor.id) && involved.has(pair.other.id),
  );
  return [
    {
      name: "dubbelen: paren in het hele register (50 000 personen)",
      target: `< ${DUPLICATES_TARGET_MS} ms`,
      pass: pageMs < DUPLICATES_TARGET_MS && pairs.total > 0,
      figures: {
        mediaan: pageMs,
        max: Math.max(...times),
        paren: pairs.total.toLocaleString("nl-NL"),
        "varianten op pagina 1": String(variantsOnFirstPage.length),
      },
    },
    {
      name: "dubbelen: controle van 10 000 importregels",
      target: `< ${IMPORT_CHECK_TARGET_MS} ms`,
      pass: importMs < IMPORT_CHECK_TARGET_MS,
      figures: {
        duur: importMs,
        "regels met kandidaten": found.filter((list) => list.length > 0).length.toLocaleString("nl-NL"),
      },
    },
  ];
}

/** `npx tsx tests/bench/duplicates.ts`: this part alone, on a copy of the scale database. */
async function alone() {
  const source = process.env.KRING_BENCH_DATABASE ?? DEFAULT_SCALE_DATABASE;
  if (!existsSync(source)) throw new Error(`Geen schaaldata in ${source}: npm run bench:data -- --scale 100`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "kring-bench-dubbelen-"));
  const file = path.join(dir, "kring.sqlite");
  copyFileSync(source, file);
  const db = await openMigratedDatabase({ engine: "sqlite", file });
  try {
    for (const line of await benchDuplicates(db)) console.log(line.pass ? "PASS" : "FAIL", line.name, line.figures);
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await alone();

import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { type DB, openMigratedDatabase } from "../../db/index";
import { todayInAmsterdam } from "../../app/i18n/format";
import { listOrganisations } from "../../app/models/organisations.server";
import { listPeople } from "../../app/models/people.server";
import { searchRegister } from "../../app/models/search.server";
import type { ListScope } from "../../app/services/region-choice";
import { DEFAULT_SCALE_DATABASE } from "./scale-network";

/**
 * The people and organisations of one region at national scale (decision 047): the lists' model calls
 * with the region's EXISTS lookups — the first page and the last, which counts and walks everything —
 * and a search, each under the target, with every region's list beside it for comparison.
 */

const LIST_TARGET_MS = 500;
const RUNS = 5;

export interface PartyRegionsBenchLine {
  name: string;
  target: string;
  pass: boolean;
  figures: Record<string, number | string>;
}

async function slowest(run: () => Promise<unknown>): Promise<number> {
  let worst = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    await run();
    worst = Math.max(worst, performance.now() - start);
  }
  return worst;
}

export async function benchPartyRegions(db: DB): Promise<PartyRegionsBenchLine[]> {
  const region = await db.selectFrom("regions").select("id").orderBy("id").executeTakeFirstOrThrow();
  const scope: ListScope = { regionId: region.id };
  const onDay = todayInAmsterdam();
  const { page } = await listPeople(db, { scope, page: 1 }, onDay);
  const measured = {
    "personen p1": await slowest(() => listPeople(db, { scope, page: 1 }, onDay)),
    "personen laatste": await slowest(() => listPeople(db, { scope, page: page.pages }, onDay)),
    "alle regio's p1": await slowest(() => listPeople(db, { scope: "all", page: 1 }, onDay)),
    organisaties: await slowest(() => listOrganisations(db, { scope, page: 1 })),
    zoeken: await slowest(() => searchRegister(db, "jan", { scope, onDay })),
  };
  const worst = Math.max(...Object.values(measured));
  return [
    {
      name: "personen en organisaties van één regio",
      target: `< ${LIST_TARGET_MS} ms per lijst`,
      pass: worst < LIST_TARGET_MS,
      figures: { ...measured, "personen in de regio": page.total.toLocaleString("nl-NL") },
    },
  ];
}

/** `npx tsx tests/bench/party-regions.ts`: this part alone, on a copy of the scale database. */
async function alone() {
  const source = process.env.KRING_BENCH_DATABASE ?? DEFAULT_SCALE_DATABASE;
  if (!existsSync(source)) throw new Error(`Geen schaaldata in ${source}: npm run bench:data -- --scale 100`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "kring-bench-partijregios-"));
  const file = path.join(dir, "kring.sqlite");
  copyFileSync(source, file);
  const db = await openMigratedDatabase({ engine: "sqlite", file });
  try {
    for (const line of await benchPartyRegions(db)) console.log(line.pass ? "PASS" : "FAIL", line.name, line.figures);
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await alone();

import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { todayInAmsterdam } from "../../app/i18n/format";
import { DEFAULT_SCALE_DATABASE, generateScaleNetwork } from "./scale-network";

/**
 * `npm run bench:data -- --scale N`: writes the benchmark's synthetic network to
 * `.bench/kring-scale.sqlite` (or `--out FILE`), never to the demo or production database.
 */

async function main() {
  const { values } = parseArgs({
    options: { scale: { type: "string", default: "100" }, out: { type: "string" }, today: { type: "string" } },
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
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

/**
 * `npm test`: the unit and integration tests, then the build, then the end-to-end tests
 * (the real server over HTTP, and in Chromium when it is installed), on SQLite. With
 * TEST_DATABASE_URL (a PostgreSQL server whose user may create databases) the same tests run a
 * second time on PostgreSQL. Vitest prints its usual report; the last line sums up every run:
 * `Tests: N passed, N failed, N skipped`. Exits non-zero when any test failed or vitest or the
 * build itself failed.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { CHROMIUM_MISSING, chromiumAvailable } from "./support/browser";
import { ROOT, runBuild } from "./support/build";

interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

interface JsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { status: string; fullName: string; failureMessages?: string[] }[];
  }[];
}

/** What failed, kept for the last lines of the output: CI shows only the tail of a long log. */
const failures: string[] = [];

function firstLine(message: string | undefined): string {
  const line = (message ?? "").split("\n").find((l) => l.trim() !== "") ?? "";
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
let broken = false;
const artifacts = path.join(ROOT, "tests", ".artifacts");
mkdirSync(artifacts, { recursive: true });

function heading(text: string) {
  console.log(`\n▶ ${text}`);
}

type Engine = "sqlite" | "postgres";
const POSTGRES_URL = process.env.TEST_DATABASE_URL?.trim() || null;

/** The environment of a run on one engine: TEST_DATABASE_URL only for PostgreSQL. */
function engineEnv(engine: Engine): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.TEST_DATABASE_URL;
  if (engine === "postgres" && POSTGRES_URL) env.TEST_DATABASE_URL = POSTGRES_URL;
  return env;
}

function runVitest(label: string, projects: string[], engine: Engine): Promise<void> {
  const report = path.join(artifacts, `vitest-${label}.json`);
  rmSync(report, { force: true });
  const args = ["run", ...projects.flatMap((p) => ["--project", p])];
  args.push("--reporter=default", "--reporter=json", `--outputFile.json=${report}`);
  return new Promise((resolve) => {
    const child = spawn(path.join(ROOT, "node_modules", ".bin", "vitest"), args, {
      cwd: ROOT,
      env: engineEnv(engine),
      stdio: "inherit",
    });
    child.on("error", (error) => {
      console.error(`vitest kon niet starten: ${error.message}`);
      broken = true;
      totals.failed += 1;
      resolve();
    });
    child.on("close", (code) => {
      if (!existsSync(report)) {
        console.error(`vitest (${projects.join(", ")}) stopte zonder resultaat (exitcode ${code}).`);
        broken = true;
        totals.failed += 1;
        return resolve();
      }
      const result = JSON.parse(readFileSync(report, "utf8")) as JsonReport;
      totals.passed += result.numPassedTests;
      totals.failed += result.numFailedTests;
      totals.skipped += result.numPendingTests + result.numTodoTests;
      // A file that fails before its tests run (an import error, a failing beforeAll) has no failed test.
      for (const file of result.testResults) {
        const where = `[${label}] ${path.relative(ROOT, file.name)}`;
        const failedTests = file.assertionResults.filter((t) => t.status === "failed");
        for (const test of failedTests)
          failures.push(`${where} > ${test.fullName}\n    ${firstLine(test.failureMessages?.[0])}`);
        if (file.status === "failed" && failedTests.length === 0) {
          totals.failed += 1;
          failures.push(`${where}\n    ${firstLine(file.message)}`);
        }
      }
      if (code !== 0) broken = true;
      resolve();
    });
  });
}

const started = Date.now();

const engines: Engine[] = POSTGRES_URL ? ["sqlite", "postgres"] : ["sqlite"];
const engineName = { sqlite: "SQLite", postgres: "PostgreSQL" } as const;
if (!POSTGRES_URL) console.log("Op SQLite (TEST_DATABASE_URL laat de tests ook op PostgreSQL lopen).");

let built: boolean | null = null;
for (const engine of engines) {
  heading(`Unit- en integratietests (${engineName[engine]})`);
  await runVitest(`unit-integration-${engine}`, ["unit", "integration"], engine);

  if (built === null) {
    heading("Bouwen (npm run build)");
    const build = await runBuild();
    built = build.ok;
    if (build.ok) {
      console.log(`Gebouwd in ${(build.durationMs / 1000).toFixed(1)} s.`);
    } else {
      console.error(build.output);
      console.error("De build is mislukt: de end-to-endtests zijn niet uitgevoerd.");
      broken = true;
      totals.failed += 1;
    }
  }
  if (built) {
    heading(`End-to-endtests (${engineName[engine]}, echte server${chromiumAvailable() ? " en Chromium)" : ")"}`);
    if (!chromiumAvailable()) console.log(CHROMIUM_MISSING);
    await runVitest(`e2e-${engine}`, ["e2e"], engine);
  }
}

if (failures.length > 0) {
  console.log(`\nMislukt (${failures.length}):`);
  for (const failure of failures) console.log(`✗ ${failure}`);
}
console.log(`\nDuur: ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (!chromiumAvailable()) console.log(CHROMIUM_MISSING);
console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(broken || totals.failed > 0 ? 1 : 0);

import { existsSync } from "node:fs";
import path from "node:path";
import { BackupError, BackupSettingsError } from "./backup";
import { backupCommand, restoreCommand } from "./backup-cli";
import { CopyRefusedError, copyRegister, dutchRowCount, dutchSeconds } from "./copy";
import { type DatabaseTarget, describeTarget } from "./engine";
import { type DB, DatabaseStartError, databaseTarget, openMigratedDatabase } from "./index";
import { describeDemoAccounts, isEmptyDatabase, loadDemo } from "../seeds/load";

/**
 * `npm run db:migrate`, `npm run db:seed`, `npm run db:copy -- <source>`, `npm run backup` and
 * `npm run restore -- <file>`.
 */
const command = process.argv[2];
const target = databaseTarget();
const file = describeTarget(target);

const USAGE =
  "Gebruik: tsx db/cli.ts migrate | seed | copy <bron: een SQLite-bestand of een postgres://-adres> | backup [--dir MAP] | restore <bestand> [--ja]";

/** A copy's source as typed on the command line: a PostgreSQL address, or else a SQLite file. */
function sourceTarget(argument: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//i.test(argument)) return { engine: "postgres", url: argument };
  return { engine: "sqlite", file: path.resolve(argument) };
}

/** An error that says all there is to say in its message: printed as one line, without a stack trace. */
class CommandError extends Error {}

/** What the database driver raises (a refused row, a lost connection), as opposed to a mistake in the code. */
const fromDatabase = (error: unknown): error is Error =>
  error instanceof Error && typeof (error as { code?: unknown }).code === "string";

async function copyInto(db: DB, argument: string | undefined) {
  if (!argument) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const from = sourceTarget(argument);
  const where = describeTarget(from);
  // openDatabase would make an empty file of a mistyped name, and copying nothing would succeed
  if (from.engine === "sqlite" && !existsSync(from.file)) throw new CommandError(`Bronbestand ${where} bestaat niet.`);
  if (where === file) throw new CommandError(`Bron en doel zijn dezelfde database (${file}).`);
  const source = await openMigratedDatabase(from).catch((error: unknown) => {
    // its message speaks of DATABASE_URL, while this address came from the command line
    if (error instanceof DatabaseStartError) throw new CommandError(`Brondatabase: ${error.message}`, { cause: error });
    throw error;
  });
  try {
    console.log(`Kopiëren van ${where} naar ${file} (beide bijgewerkt naar de nieuwste migratie)…`);
    const started = Date.now();
    let counts: Record<string, number>;
    try {
      counts = await copyRegister(source, db, { log: (line) => console.log(line) });
    } catch (error) {
      if (!fromDatabase(error)) throw error;
      // the whole copy is one transaction on the target, so whatever the database refused, it rolled back
      throw new CommandError(`Kopiëren mislukt; er is niets in ${file} geschreven: ${error.message}`, { cause: error });
    }
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    console.log(`Register gekopieerd naar ${file}: ${dutchRowCount(total)} in ${dutchSeconds(Date.now() - started)}.`);
    for (const [table, n] of Object.entries(counts)) {
      console.log(`  ${table.padEnd(24)} ${n.toLocaleString("nl-NL").padStart(10)}`);
    }
  } finally {
    await source.destroy();
  }
}

async function main() {
  // neither migrates first: a backup copies the database as it is, and a restore must find it unused
  if (command === "backup") return backupCommand(target, process.argv.slice(3));
  if (command === "restore") return restoreCommand(target, process.argv.slice(3));
  const db = await openMigratedDatabase(target);
  try {
    if (command === "migrate") {
      console.log(`Database ${file} is bijgewerkt naar de nieuwste migratie.`);
    } else if (command === "seed") {
      if (!(await isEmptyDatabase(db))) {
        console.error(`Database ${file} bevat al gegevens; demodata wordt alleen in een lege database geladen.`);
        process.exitCode = 1;
        return;
      }
      const { accounts, counts } = await loadDemo(db);
      console.log(`Demonetwerk geladen in ${file}: ${JSON.stringify(counts)}`);
      console.log(describeDemoAccounts(accounts));
    } else if (command === "copy") {
      await copyInto(db, process.argv[3]);
    } else {
      console.error(USAGE);
      process.exitCode = 2;
    }
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  const oneLine =
    error instanceof DatabaseStartError ||
    error instanceof CopyRefusedError ||
    error instanceof CommandError ||
    error instanceof BackupError ||
    error instanceof BackupSettingsError;
  console.error(oneLine ? error.message : error);
  process.exit(1);
});

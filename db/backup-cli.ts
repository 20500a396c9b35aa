import path from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import {
  backupDirectory,
  BackupError,
  backupSqlite,
  backupsKept,
  type BackupContents,
  describeContents,
  inspectBackup,
  restoreSqlite,
} from "./backup";
import { backupPostgres, type DumpContents, inspectDump, restorePostgres } from "./backup-postgres";
import { type DatabaseTarget, describeTarget } from "./engine";
import { openMigratedDatabase } from "./index";

/** `npm run backup [-- --dir DIR]` and `npm run restore -- FILE [--ja] [--dir DIR]` (db/cli.ts hands them here). */

const describeDump = (dump: DumpContents) => [
  `  bestand           ${dump.file}`,
  `  grootte           ${(dump.bytes / (1024 * 1024)).toLocaleString("nl-NL", { maximumFractionDigits: 1 })} MB`,
  `  onderdelen        ${dump.entries.toLocaleString("nl-NL")} (volgens pg_restore --list)`,
];

export async function backupCommand(target: DatabaseTarget, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { dir: { type: "string" } } });
  const dir = values.dir ? path.resolve(values.dir) : backupDirectory(target);
  const keep = backupsKept();
  const { lines, removed } =
    target.engine === "sqlite"
      ? await backupSqlite(target.file, dir, { keep }).then((result) => ({
          lines: describeContents(result.contents),
          removed: result.removed,
        }))
      : await backupPostgres(target.url, dir, { keep }).then((result) => ({
          lines: describeDump(result.contents),
          removed: result.removed,
        }));
  console.log(`Back-up van ${describeTarget(target)} gemaakt en gecontroleerd:`);
  for (const line of lines) console.log(line);
  console.log(
    removed.length > 0
      ? `Rotatie: de nieuwste ${keep} bewaard, verwijderd: ${removed.join(", ")}.`
      : `Rotatie: de nieuwste ${keep} worden bewaard (KRING_BACKUP_KEEP); er is niets verwijderd.`,
  );
}

/** What the restore would replace, or why that cannot be read (a damaged database is a reason to restore). */
function describeCurrent(file: string): string[] {
  try {
    return describeContents(inspectBackup(file));
  } catch (error) {
    return [`  (niet te lezen: ${(error as Error).message})`];
  }
}

async function confirmed(yes: boolean): Promise<boolean> {
  if (yes) return true;
  if (!process.stdin.isTTY) {
    throw new BackupError(
      "Geen bevestiging: er is geen terminal om ja te typen. Geef --ja mee om zonder vraag te herstellen.",
    );
  }
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await terminal.question('Typ "ja" om te herstellen: ');
    return answer.trim().toLowerCase() === "ja";
  } finally {
    terminal.close();
  }
}

export async function restoreCommand(target: DatabaseTarget, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ja: { type: "boolean" }, yes: { type: "boolean" }, dir: { type: "string" } },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    throw new BackupError("Gebruik: npm run restore -- BESTAND [--ja] [--dir MAP]");
  }
  const dir = values.dir ? path.resolve(values.dir) : backupDirectory(target);
  const where = describeTarget(target);
  let backup: BackupContents | DumpContents;
  if (target.engine === "sqlite") {
    backup = inspectBackup(path.resolve(file));
    console.log("De back-up is gecontroleerd en bevat:");
    for (const line of describeContents(backup)) console.log(line);
    console.log(`Dit vervangt de database ${where}, die nu bevat:`);
    for (const line of describeCurrent(target.file)) console.log(line);
  } else {
    backup = await inspectDump(path.resolve(file));
    console.log("De back-up is gecontroleerd en bevat:");
    for (const line of describeDump(backup)) console.log(line);
    console.log(`Dit vervangt alles in de database ${where}.`);
  }
  console.log(`Stop eerst de Kring-server. Een kopie van de huidige database komt in ${dir}.`);
  if (!(await confirmed(Boolean(values.ja || values.yes)))) {
    throw new BackupError("Niet hersteld: er is niet met ja bevestigd.");
  }
  const { keptCopy } =
    target.engine === "sqlite"
      ? await restoreSqlite(file, target.file, dir)
      : await restorePostgres(file, target.url, dir);
  if (keptCopy) console.log(`De database van vóór het herstel is bewaard als ${keptCopy}.`);
  const db = await openMigratedDatabase(target);
  await db.destroy();
  console.log(`Hersteld: ${where} is de back-up, bijgewerkt naar de nieuwste migratie. Start Kring weer.`);
  if ("pseudonymKeyInside" in backup && !backup.pseudonymKeyInside) {
    console.log(
      "Let op: de back-up bevat geen pseudoniemsleutel. Was KRING_PSEUDONYM_SECRET gezet, start Kring dan met dezelfde; anders maakt Kring een nieuwe en veranderen de pseudoniemen.",
    );
  }
}

import { backupDirectory, backupHours, backupSqlite, backupsKept } from "./backup";
import { backupPostgres } from "./backup-postgres";
import type { DatabaseTarget } from "./engine";

export { BackupSettingsError } from "./backup";

/**
 * The server's own backups: with KRING_BACKUP_HOURS=N, every N hours the same backup `npm run backup`
 * makes, into the same folder with the same rotation. A backup that fails is logged and the server
 * serves on; a bad setting throws BackupSettingsError at the start. The timer never keeps the process alive.
 */
export function scheduleBackups(
  target: DatabaseTarget,
  env: Partial<Record<string, string>> = process.env,
): { stop: () => void } {
  const hours = backupHours(env);
  if (hours === null) return { stop: () => undefined };
  const keep = backupsKept(env);
  const dir = backupDirectory(target, env);
  let running = false;
  const backUp = async () => {
    // a backup slower than the interval is not started twice over
    if (running) return;
    running = true;
    try {
      const { contents, removed } =
        target.engine === "sqlite"
          ? await backupSqlite(target.file, dir, { keep })
          : await backupPostgres(target.url, dir, { keep });
      const rotated = removed.length > 0 ? `; rotatie verwijderde ${removed.join(", ")}` : "";
      console.log(`Back-up gemaakt: ${contents.file} (${contents.bytes} bytes)${rotated}`);
    } catch (error) {
      console.error(`Automatische back-up mislukt: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void backUp(), hours * 60 * 60 * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { refusedStart } from "../support/refused-start";
import { startServer } from "../support/server";

/** KRING_BACKUP_HOURS: the server's own backups, and the start it refuses with a bad value. */
describe("the server's own backups", () => {
  it.each(["0", "-1", "elke dag", "1000"])("refuses to start with KRING_BACKUP_HOURS=%s", async (value) => {
    const messages = await refusedStart({ KRING_BACKUP_HOURS: value });
    expect(messages).toContain(`Kring kan niet starten: KRING_BACKUP_HOURS must be a number of hours`);
    expect(messages).toContain(`"${value}"`);
  });

  it("makes a backup every N hours into the backup folder, rotated, while it serves", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "kring-server-backups-"));
    // 0.0005 hours: 1.8 seconds, so the test sees a few rounds
    const server = await startServer({
      env: { KRING_BACKUP_HOURS: "0.0005", KRING_BACKUP_KEEP: "2", KRING_BACKUP_DIR: dir },
    });
    try {
      const deadline = Date.now() + 30_000;
      while ((server.output().match(/Back-up gemaakt/g) ?? []).length < 3 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(server.output()).not.toContain("Automatische back-up mislukt");
      expect((server.output().match(/Back-up gemaakt/g) ?? []).length).toBeGreaterThanOrEqual(3);
      expect(server.output()).toContain("rotatie verwijderde");
      expect(readdirSync(dir).filter((name) => /^kring-.*\.(sqlite|dump)$/.test(name))).toHaveLength(2);
      expect((await fetch(`${server.url}/status`)).status).toBe(200);
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

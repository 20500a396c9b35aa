import { describe, expect, it } from "vitest";
import {
  backupDirectory,
  backupHours,
  BackupSettingsError,
  backupsKept,
  backupStamp,
  DEFAULT_BACKUPS_KEPT,
} from "../../db/backup";

describe("backup names and settings", () => {
  it("stamps a backup with its UTC moment, fixed width, so names sort by age", () => {
    expect(backupStamp(new Date("2026-12-07T09:05:03.042+01:00"))).toBe("20261207-080503-042Z");
    const stamps = ["2026-01-02T00:00:00.000Z", "2025-12-31T23:59:59.999Z", "2026-01-01T10:00:00.000Z"].map((at) =>
      backupStamp(new Date(at)),
    );
    expect([...stamps].sort()).toEqual([stamps[1], stamps[2], stamps[0]]);
  });

  it("reads KRING_BACKUP_KEEP: 14 unless set, a whole number of at least 1", () => {
    expect(backupsKept({})).toBe(DEFAULT_BACKUPS_KEPT);
    expect(backupsKept({ KRING_BACKUP_KEEP: " 30 " })).toBe(30);
    for (const bad of ["0", "-2", "1.5", "veel"]) {
      expect(() => backupsKept({ KRING_BACKUP_KEEP: bad })).toThrow(BackupSettingsError);
    }
  });

  it("reads KRING_BACKUP_HOURS: none unless set, above 0 and at most a week", () => {
    expect(backupHours({})).toBeNull();
    expect(backupHours({ KRING_BACKUP_HOURS: "24" })).toBe(24);
    expect(backupHours({ KRING_BACKUP_HOURS: "0.5" })).toBe(0.5);
    expect(backupHours({ KRING_BACKUP_HOURS: "168" })).toBe(168);
    for (const bad of ["0", "-1", "169", "1e3", "dagelijks", "24h"]) {
      expect(() => backupHours({ KRING_BACKUP_HOURS: bad }), bad).toThrow(/KRING_BACKUP_HOURS must be/);
    }
  });

  it("puts backups beside the SQLite file, in data/backups on PostgreSQL, or in KRING_BACKUP_DIR", () => {
    expect(backupDirectory({ engine: "sqlite", file: "/srv/kring/kring.sqlite" }, {})).toBe("/srv/kring/backups");
    expect(backupDirectory({ engine: "postgres", url: "postgres://x@h/k" }, {})).toMatch(/data\/backups$/);
    expect(backupDirectory({ engine: "sqlite", file: "/srv/k.sqlite" }, { KRING_BACKUP_DIR: "/mnt/b" })).toBe("/mnt/b");
  });
});

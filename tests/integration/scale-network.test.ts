import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openMigratedDatabase } from "../../db/index";
import { searchRegister } from "../../app/models/search.server";
import { listPeople } from "../../app/models/people.server";
import { readDemoData } from "../../seeds/load";
import { readNoordMiddenLimburgData } from "../../seeds/noord-midden-limburg";
import { generateScaleNetwork, type ScaleCounts } from "../bench/scale-network";

/**
 * The benchmark's synthetic network at scale 1 (500 people): what `npm run bench:data` writes must
 * be a database the app itself could have written — consistent attendance, keys, search index.
 */
const TODAY = "2026-11-23";
let dir: string;
let file: string;
let counts: ScaleCounts;
let raw: SQLite.Database;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "kring-scale-test-"));
  file = path.join(dir, "scale.sqlite");
  counts = await generateScaleNetwork(file, { scale: 1, today: TODAY });
  raw = new SQLite(file, { readonly: true });
}, 120_000);

afterAll(() => {
  raw?.close();
  rmSync(dir, { recursive: true, force: true });
});

const one = (query: string) => raw.prepare(query).pluck().get() as number;

describe("the scale network", () => {
  it("adds about 100 organisations, 500 people, 20 bodies, 1 500 seats, 300 meetings and 10 000 attendance rows per unit of scale", () => {
    // the demo brings both Limburg regions
    const [first, second] = [readDemoData(), readNoordMiddenLimburgData()];
    const inDemo = (what: "organisations" | "people" | "bodies" | "seats") => first[what].length + second[what].length;
    const added = (total: number, what: Parameters<typeof inDemo>[0]) => total - inDemo(what);
    expect(added(counts.organisations, "organisations")).toBe(100);
    expect(added(counts.people, "people")).toBe(500);
    expect(added(counts.bodies, "bodies")).toBe(20);
    expect(added(counts.seats, "seats")).toBeGreaterThan(750);
    expect(added(counts.seats, "seats")).toBeLessThan(3_000);
    expect(counts.meetings).toBeGreaterThan(300);
    expect(counts.attendance).toBeGreaterThan(4_000);
    expect(counts.auditEntries).toBeGreaterThan(counts.people);
  });

  it("is a consistent database: keys, integrity and unique attendance", () => {
    expect(raw.pragma("foreign_key_check")).toEqual([]);
    expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
  });

  it("records attendance only for people whose seat in the meeting's body was active on its date, at held meetings", () => {
    expect(
      one(`select count(*) from attendance a join meetings m on m.id = a.meeting_id join seats s on s.id = a.seat_id
           where s.body_id <> m.body_id or s.person_id <> a.person_id or s.start_date > m.date
              or (s.end_date is not null and s.end_date < m.date)`),
    ).toBe(0);
    expect(
      one("select count(*) from attendance a join meetings m on m.id = a.meeting_id where m.status <> 'gehouden'"),
    ).toBe(0);
    expect(one(`select count(*) from meetings where status = 'gehouden' and date >= '${TODAY}'`)).toBe(0);
    // at a body's meeting everyone but a guest came through a seat (events invite without seats)
    expect(
      one(
        "select count(*) from attendance a join meetings m on m.id = a.meeting_id where m.body_id is not null and a.seat_id is null and a.status <> 'gast'",
      ),
    ).toBe(0);
  });

  it("has the skew of a real network: a few very large bodies, mostly small ones", () => {
    const sizes = raw.prepare("select count(*) from seats group by body_id order by 1").pluck().all() as number[];
    const median = sizes[Math.floor(sizes.length / 2)]!;
    expect(sizes.at(-1)!).toBeGreaterThan(10 * median);
  });

  it("keeps the derived data current: the Dutch sort key and the search index", async () => {
    expect(one("select count(*) from people where sort_name = ''")).toBe(0);
    const db = await openMigratedDatabase(file);
    try {
      const person = await db.selectFrom("people").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
      const found = await searchRegister(db, `${person.first_name} ${person.last_name}`, { limit: 100, onDay: TODAY });
      expect(found.some((result) => result.kind === "person" && result.id === person.id)).toBe(true);
      const list = await listPeople(db, { page: 1 }, TODAY);
      expect(list.page.total).toBe(one("select count(*) from people where archived_at is null"));
    } finally {
      await db.destroy();
    }
  });

  it("gives the same database for the same scale and day", async () => {
    const again = path.join(dir, "again.sqlite");
    const second = await generateScaleNetwork(again, { scale: 1, today: TODAY });
    expect(second).toEqual(counts);
    const other = new SQLite(again, { readonly: true });
    try {
      const fingerprint = (db: SQLite.Database) =>
        db
          .prepare(
            "select group_concat(body_id || ':' || coalesce(person_id, '-') || ':' || start_date, ',') from (select * from seats order by id)",
          )
          .pluck()
          .get();
      expect(fingerprint(other)).toBe(fingerprint(raw));
    } finally {
      other.close();
    }
  }, 120_000);

  it("refuses a scale that is not a positive number", async () => {
    await expect(generateScaleNetwork(path.join(dir, "zero.sqlite"), { scale: 0, today: TODAY })).rejects.toThrow(
      /positive/,
    );
  });
});

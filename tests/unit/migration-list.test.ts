import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../db/migration-list";

const FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../db/migrations");

describe("the list of migrations", () => {
  it("names every file in db/migrations, in order, and nothing else", () => {
    const files = readdirSync(FOLDER)
      .filter((name) => name.endsWith(".ts"))
      .map((name) => name.replace(/\.ts$/, ""))
      .sort();
    expect(Object.keys(MIGRATIONS)).toEqual(files);
  });
});

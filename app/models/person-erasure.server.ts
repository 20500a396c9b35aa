import type { DB } from "../../db/index";
import type { Actor } from "./audit.server";

/**
 * The AVG erasure of people (built on main in parallel): this file only holds its signature so the
 * retention page's "Wissen" can be wired to it, and is replaced by the real one at merge.
 */
export function erasePeople(_db: DB, _actor: Actor, _personIds: number[]): Promise<void> {
  throw new Error("not merged yet");
}

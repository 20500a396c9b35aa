import type { DB } from "../../db/index";
import { type PanelComparison, comparePanels, panelStrata, type StratifiedMember } from "../services/panel-draw";
import { paging } from "../services/list-params";
import { displayName } from "../services/names";
import { drawPanel, waveScope } from "./panel-facts.server";
import { getWave } from "./survey-waves.server";

/** How many names of joined and departed people the preview lists before saying "and N more". */
const NAMES_SHOWN = 50;

/** The frozen (or later) wave with the latest reference date before this one: the panel to compare with. */
async function previousWave(db: DB, waveId: number, referenceDate: string) {
  return db
    .selectFrom("survey_waves")
    .select(["id", "name", "reference_date"])
    .where("status", "<>", "draft")
    .where("id", "<>", waveId)
    .where("reference_date", "<", referenceDate)
    .orderBy("reference_date", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
}

async function frozenMembers(db: DB, waveId: number) {
  const rows = await db
    .selectFrom("panel_members")
    .select(["person_id", "first_name", "infix", "last_name", "attributes"])
    .where("wave_id", "=", waveId)
    .execute();
  return rows.map((row) => ({
    personId: row.person_id,
    name: displayName({ first_name: row.first_name, infix: row.infix, last_name: row.last_name }),
    attributes: JSON.parse(row.attributes) as StratifiedMember["attributes"],
  }));
}

/**
 * What the researcher sees before freezing a draft wave: the draw on its reference date, the counts
 * per stratum and per body, who is left out and why, and the difference with the previous wave's
 * frozen panel. Members are paged; the counts are over everyone.
 */
export async function panelPreview(db: DB, waveId: number, page: number, excludedPage = 1) {
  const wave = await getWave(db, waveId);
  if (!wave) return null;
  const drawn = await drawPanel(db, wave.rules, wave.reference_date, waveScope(wave));
  const previous = await previousWave(db, waveId, wave.reference_date);
  let comparison:
    | (Omit<PanelComparison, "joined" | "left" | "stayed"> & {
        wave: { id: number; name: string; referenceDate: string };
        stayed: number;
        joined: { count: number; names: string[] };
        left: { count: number; names: string[] };
      })
    | null = null;
  if (previous) {
    const before = await frozenMembers(db, previous.id);
    const compared = comparePanels(before, drawn.members);
    const nowNames = new Map(
      drawn.members.map((m) => [
        m.personId,
        displayName({ first_name: m.firstName, infix: m.infix, last_name: m.lastName }),
      ]),
    );
    const beforeNames = new Map(before.map((m) => [m.personId, m.name]));
    const names = (ids: number[], from: Map<number, string>) => ({
      count: ids.length,
      names: ids.slice(0, NAMES_SHOWN).map((id) => from.get(id) ?? `#${id}`),
    });
    comparison = {
      wave: { id: previous.id, name: previous.name, referenceDate: previous.reference_date },
      strata: compared.strata,
      stayed: compared.stayed.length,
      joined: names(compared.joined, nowNames),
      left: names(compared.left, beforeNames),
    };
  }
  const paged = paging(drawn.members.length, page);
  // the excluded are paged too: at national scale they are thousands, and the page carried them all (1.6 MB)
  const excludedPaged = paging(drawn.excluded.length, excludedPage);
  return {
    wave,
    strata: panelStrata(drawn.members),
    members: drawn.members.slice(paged.offset, paged.offset + paged.limit),
    page: paged,
    excluded: drawn.excluded.slice(excludedPaged.offset, excludedPaged.offset + excludedPaged.limit),
    excludedPage: excludedPaged,
    emptiedBy: drawn.emptiedBy,
    comparison,
  };
}

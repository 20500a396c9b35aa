import type { DB } from "../../db/index";
import type { BodyLevel } from "../../db/schema";
import type { ExportPanel, RosterOrganisation } from "../services/panel-export-formats";
import type { PanelExportKind } from "../services/panel-export-kinds";
import type { PanelAttributes, PanelReason } from "../services/panel-rules-schema";
import { compareDutch } from "../services/names";
import { type Actor, recordAudit } from "./audit.server";
import { inTransaction } from "./editing.server";
import { drawPanel, waveScope } from "./panel-facts.server";
import { getWave } from "./survey-waves.server";

/**
 * A wave's panel as the export formats take it: for a frozen (or later) wave its stored members,
 * those excluded after freezing included (marked); for a draft the draw as the preview shows it,
 * without tokens (the formats that need one refuse drafts). Null when there is no such wave.
 */
export async function panelForExport(db: DB, waveId: number): Promise<ExportPanel | null> {
  const wave = await db
    .selectFrom("survey_waves")
    .select(["id", "region_id", "name", "year", "reference_date", "status", "link_template"])
    .where("id", "=", waveId)
    .executeTakeFirst();
  if (!wave) return null;
  const exported = {
    id: wave.id,
    name: wave.name,
    year: wave.year,
    referenceDate: wave.reference_date,
    status: wave.status,
    linkTemplate: wave.link_template,
    regionId: wave.region_id,
  };
  if (wave.status === "draft") {
    const { rules } = (await getWave(db, waveId))!;
    const drawn = await drawPanel(db, rules, wave.reference_date, waveScope(wave));
    return { wave: exported, members: drawn.members.map((member) => ({ ...member, token: "", excluded: null })) };
  }
  const members = await db
    .selectFrom("panel_members")
    .selectAll()
    .where("wave_id", "=", waveId)
    .orderBy("last_name")
    .orderBy("first_name")
    .orderBy("person_id")
    .execute();
  return {
    wave: exported,
    members: members.map((member) => ({
      personId: member.person_id,
      token: member.token,
      firstName: member.first_name,
      infix: member.infix,
      lastName: member.last_name,
      salutation: member.salutation,
      email: member.email,
      language: member.language,
      attributes: JSON.parse(member.attributes) as PanelAttributes,
      reasons: JSON.parse(member.reasons) as PanelReason[],
      excluded: member.excluded_at === null ? null : { at: member.excluded_at, reason: member.exclusion_reason ?? "" },
    })),
  };
}

export type RosterSource =
  | { source: "panel"; members: readonly { attributes: PanelAttributes; excluded: unknown }[] }
  | { source: "levels"; levels: readonly BodyLevel[]; referenceDate: string };

/**
 * The organisations for the "with which organisations did you collaborate" questions: those of the
 * panel's members (their organisation as on the reference date; members excluded later left out), or every
 * organisation not archived that holds, on the reference date, a seat in an active body of the
 * chosen levels. Sorted by name.
 */
export async function rosterOrganisations(db: DB, roster: RosterSource): Promise<RosterOrganisation[]> {
  let query = db
    .selectFrom("organisations")
    .innerJoin("sectors", "sectors.id", "organisations.sector_id")
    .select([
      "organisations.id",
      "organisations.name",
      "organisations.short_name as shortName",
      "sectors.code as sectorCode",
      "sectors.name_nl as sectorName",
    ]);
  if (roster.source === "panel") {
    const ids = [
      ...new Set(
        roster.members
          .filter((m) => !m.excluded)
          .flatMap((m) => (m.attributes.organisationId === null ? [] : [m.attributes.organisationId])),
      ),
    ];
    if (ids.length === 0) return [];
    query = query.where("organisations.id", "in", ids);
  } else {
    if (roster.levels.length === 0) return [];
    const day = roster.referenceDate;
    query = query.where("organisations.archived_at", "is", null).where("organisations.id", "in", (eb) =>
      eb
        .selectFrom("seats")
        .innerJoin("bodies", "bodies.id", "seats.body_id")
        .select("seats.organisation_id")
        .where("seats.organisation_id", "is not", null)
        .where("bodies.level", "in", [...roster.levels])
        .where("bodies.archived_at", "is", null)
        .where("seats.start_date", "<=", day)
        .where((w) => w.or([w("seats.end_date", "is", null), w("seats.end_date", ">=", day)]))
        .where((w) => w.or([w("bodies.active_from", "is", null), w("bodies.active_from", "<=", day)]))
        .where((w) => w.or([w("bodies.active_to", "is", null), w("bodies.active_to", ">=", day)]))
        .$narrowType<{ organisation_id: number }>(),
    );
  }
  const rows = await query.execute();
  return rows.sort((a, b) => compareDutch(a.name, b.name) || a.id - b.id);
}

/** Every export of a wave goes in the audit log: who took which file of which wave, when, and how many rows it held. */
export async function recordExport(
  db: DB,
  actor: Actor,
  waveId: number,
  kind: PanelExportKind,
  rowCount: number,
): Promise<void> {
  await inTransaction(db, (trx) =>
    recordAudit(trx, actor, {
      action: "export",
      entity: "survey_waves",
      entityId: waveId,
      summary: `export_${kind.replace(/-/g, "_")}`,
      after: { export: kind, rows: rowCount },
    }),
  );
}

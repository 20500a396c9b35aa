import type { DB } from "../../db/index";
import type { BodyLevel } from "../../db/schema";
import type { ExportPanel, RosterOrganisation } from "../services/panel-export-formats";
import type { PanelExportKind } from "../services/panel-export-kinds";
import type { PanelAttributes, PanelReason } from "../services/panel-rules-schema";
import { type Actor, recordAudit } from "./audit.server";
import { inTransaction } from "./editing.server";

/**
 * A wave and its stored panel, as the export formats take it: every member, those excluded after
 * freezing included (marked). Null when there is no such wave. A draft wave has no stored members
 * yet; its export is built from a draw instead.
 */
export async function frozenPanelForExport(db: DB, waveId: number): Promise<ExportPanel | null> {
  const wave = await db
    .selectFrom("survey_waves")
    .select(["id", "name", "year", "reference_date", "status", "link_template"])
    .where("id", "=", waveId)
    .executeTakeFirst();
  if (!wave) return null;
  const members = await db
    .selectFrom("panel_members")
    .selectAll()
    .where("wave_id", "=", waveId)
    .orderBy("last_name")
    .orderBy("first_name")
    .orderBy("person_id")
    .execute();
  return {
    wave: { id: wave.id, name: wave.name, year: wave.year, referenceDate: wave.reference_date, status: wave.status, linkTemplate: wave.link_template },
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

export type RosterSource = { source: "panel" } | { source: "levels"; levels: readonly BodyLevel[]; referenceDate: string };

/**
 * The organisations for the "with which organisations did you collaborate" questions: those of the
 * wave's panel members (their organisation as on the reference date, as frozen), or every
 * organisation not archived that holds, on the reference date, a seat in an active body of the
 * chosen levels. Sorted by name.
 */
export async function rosterOrganisations(db: DB, waveId: number, roster: RosterSource): Promise<RosterOrganisation[]> {
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
    query = query.where("organisations.id", "in", (eb) =>
      eb
        .selectFrom("panel_members")
        .select("panel_members.organisation_id")
        .where("panel_members.wave_id", "=", waveId)
        .where("panel_members.organisation_id", "is not", null)
        .$narrowType<{ organisation_id: number }>(),
    );
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
  return rows.sort((a, b) => a.name.localeCompare(b.name, "nl", { sensitivity: "base" }) || a.id - b.id);
}

/**
 * Every export of a wave goes in the audit log: who took which file of which wave, when, and how
 * many rows it held. The log has no "export" action yet, so it is recorded as the creation of a
 * file, with the kind in the summary ("export_limesurvey").
 */
export async function recordExport(db: DB, actor: Actor, waveId: number, kind: PanelExportKind, rowCount: number): Promise<void> {
  await inTransaction(db, (trx) =>
    recordAudit(trx, actor, {
      action: "create",
      entity: "survey_waves",
      entityId: waveId,
      summary: `export_${kind.replace(/-/g, "_")}`,
      after: { export: kind, rows: rowCount },
    }),
  );
}

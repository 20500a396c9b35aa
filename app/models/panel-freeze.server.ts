import { refreshStatisticsOf } from "../../db/dialect";
import { createHash, randomBytes } from "node:crypto";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import type { DB } from "../../db/index";
import { emptiedByMessage, panelStrata } from "../services/panel-draw";
import {
  type PanelAttributes,
  type PanelReason,
  type PanelRules,
  parseStoredRules,
} from "../services/panel-rules-schema";
import { type Actor, recordAudit } from "./audit.server";
import {
  changesSince,
  inTransaction,
  loadForUpdate,
  RecordNotFoundError,
  RegisterError,
  StaleVersionError,
  updateAudited,
} from "./editing.server";
import { drawPanel, waveScope } from "./panel-facts.server";

/**
 * Freezing a wave: the panel its rules select on its reference date becomes an immutable snapshot
 * (the database's triggers keep it so), with a random token per member and a content hash that lets
 * anyone check later that the stored panel is the one that was drawn.
 */

export const WAVE_AUDIT_SUMMARIES = { frozen: "wave_frozen", laterExclusion: "panel_member_excluded" } as const;

/** A questionnaire token: 20 random bytes, base32 lower case (32 characters), as session tokens are made. */
function newToken(): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(20));
}

/**
 * JSON with the keys of every object in code-point order and no white space; arrays keep their
 * order; `undefined` members are left out, as JSON.stringify does.
 */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? "null" : canonicalJson(item))).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export interface HashedPanel {
  referenceDate: string;
  rules: PanelRules;
  members: readonly { personId: number; attributes: PanelAttributes; reasons: PanelReason[] }[];
}

/**
 * The content hash of a frozen panel: SHA-256, hex lower case, of the canonical JSON (above) of
 * `{"members":[{"attributes":…,"personId":…,"reasons":[…]}, …],"referenceDate":"YYYY-MM-DD","rules":{…}}`,
 * members ordered by personId ascending, each with exactly those three fields; reasons in the
 * order the draw gave them. Rules are as `parseStoredRules` reads them from the wave, so a check
 * recomputes the hash from the stored wave and its panel_members rows (attributes and reasons
 * parsed from their JSON columns). Names, addresses and tokens are not part of it.
 */
export function panelContentHash(panel: HashedPanel): string {
  const members = [...panel.members]
    .sort((a, b) => a.personId - b.personId)
    .map((m) => ({ personId: m.personId, attributes: m.attributes, reasons: m.reasons }));
  const canonical = canonicalJson({ referenceDate: panel.referenceDate, rules: panel.rules, members });
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}

/**
 * Freezes a draft wave (with the version the researcher saw): draws its panel, refuses an empty
 * one with the step that emptied it, stores the members with their tokens, then marks the wave
 * frozen with the hash and the counts. All in one transaction, audited.
 */
const MEMBERS_PER_INSERT = 500;

export async function freezeWave(db: DB, actor: Actor, waveId: number, version: number) {
  const frozen = await inTransaction(db, async (trx) => {
    const wave = await loadForUpdate(trx, "survey_waves", waveId);
    if (wave.status !== "draft") throw new RegisterError("waves.errors.alreadyFrozen");
    // checked before drawing, not only by updateAudited below: no point drawing for a stale form
    if (wave.version !== version)
      throw new StaleVersionError(await changesSince(trx, "survey_waves", waveId, version), wave.version);

    const rules = parseStoredRules(wave.rules);
    const panel = await drawPanel(trx, rules, wave.reference_date, waveScope(wave));
    if (panel.emptiedBy) throw new RegisterError(emptiedByMessage(panel.emptiedBy));

    const rows = panel.members.map((member) => ({
      wave_id: waveId,
      person_id: member.personId,
      token: newToken(),
      first_name: member.firstName,
      infix: member.infix,
      last_name: member.lastName,
      salutation: member.salutation,
      email: member.email,
      language: member.language,
      organisation_id: member.attributes.organisationId,
      sector_code: member.attributes.sectorCode,
      level: member.attributes.level,
      attributes: JSON.stringify(member.attributes),
      reasons: JSON.stringify(member.reasons),
    }));
    // Several hundred rows per statement (14 values each stays far below SQLite's 32 766 variables):
    // one statement per member took seconds for a national panel.
    for (let start = 0; start < rows.length; start += MEMBERS_PER_INSERT) {
      await trx
        .insertInto("panel_members")
        .values(rows.slice(start, start + MEMBERS_PER_INSERT))
        .execute();
    }

    const exclusionsByReason: Record<string, number> = {};
    for (const exclusion of panel.excluded)
      for (const reason of exclusion.reasons) exclusionsByReason[reason] = (exclusionsByReason[reason] ?? 0) + 1;
    const counts = { ...panelStrata(panel.members), excluded: panel.excluded.length, exclusionsByReason };
    const contentHash = panelContentHash({ referenceDate: wave.reference_date, rules, members: panel.members });
    const { after } = await updateAudited(
      trx,
      actor,
      "survey_waves",
      waveId,
      version,
      {
        status: "frozen",
        frozen_at: new Date().toISOString(),
        frozen_by: actor.id,
        content_hash: contentHash,
        frozen_counts: JSON.stringify(counts),
      },
      { summary: WAVE_AUDIT_SUMMARIES.frozen },
    );
    return { wave: after, members: panel.members.length, excluded: panel.excluded.length, contentHash };
  });
  await refreshStatisticsOf(db, ["panel_members"]);
  return frozen;
}

/**
 * Records that a member of a frozen panel is no longer to be approached (left the network, asked
 * not to be mailed): when, by whom and why. The member stays in the panel; an exclusion is
 * recorded once and never changed.
 */
export async function recordLaterExclusion(db: DB, actor: Actor, waveId: number, personId: number, reason: string) {
  const why = reason.trim();
  if (!why) throw new RegisterError("waves.errors.exclusionReasonRequired", "reason");
  if (why.length > 500) throw new RegisterError("waves.errors.exclusionReasonTooLong", "reason");
  return inTransaction(db, async (trx) => {
    const wave = await loadForUpdate(trx, "survey_waves", waveId);
    if (wave.status === "draft") throw new RegisterError("waves.errors.notFrozen");
    const before = await trx
      .selectFrom("panel_members")
      .selectAll()
      .where("wave_id", "=", waveId)
      .where("person_id", "=", personId)
      .executeTakeFirst();
    if (!before) throw new RecordNotFoundError("panel_members", personId);
    if (before.excluded_at !== null) throw new RegisterError("waves.errors.alreadyExcluded");
    const after = await trx
      .updateTable("panel_members")
      .set({ excluded_at: new Date().toISOString(), excluded_by: actor.id, exclusion_reason: why })
      .where("id", "=", before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    // the token stays out of the log: it opens the member's questionnaire
    const { token: _beforeToken, ...logBefore } = before;
    const { token: _afterToken, ...logAfter } = after;
    await recordAudit(trx, actor, {
      action: "update",
      entity: "panel_members",
      entityId: before.id,
      before: logBefore,
      after: logAfter,
      summary: WAVE_AUDIT_SUMMARIES.laterExclusion,
    });
    return after;
  });
}

export interface PanelVerification {
  stored: string;
  recomputed: string;
  matches: boolean;
  members: number;
}

/**
 * Recomputes a frozen panel's content hash from what is stored now: the wave's reference date and
 * rules and its members' ids, attributes and reasons. Names and addresses are not hashed, so a
 * member erased at their request leaves the hash as it was; any other change to the panel shows.
 */
export async function verifyFrozenPanel(db: DB, waveId: number): Promise<PanelVerification | null> {
  const wave = await db
    .selectFrom("survey_waves")
    .select(["reference_date", "rules", "content_hash"])
    .where("id", "=", waveId)
    .executeTakeFirst();
  if (!wave?.content_hash) return null;
  const rows = await db
    .selectFrom("panel_members")
    .select(["person_id", "attributes", "reasons"])
    .where("wave_id", "=", waveId)
    .execute();
  const recomputed = panelContentHash({
    referenceDate: wave.reference_date,
    rules: parseStoredRules(wave.rules),
    members: rows.map((row) => ({
      personId: row.person_id,
      attributes: JSON.parse(row.attributes) as PanelAttributes,
      reasons: JSON.parse(row.reasons) as PanelReason[],
    })),
  });
  return { stored: wave.content_hash, recomputed, matches: recomputed === wave.content_hash, members: rows.length };
}

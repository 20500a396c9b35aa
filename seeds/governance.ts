import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { DECISION_MODES, FUNDING_STATUSES } from "../db/schema";
import { recordAudit, type Trx } from "../app/models/audit.server";

/**
 * The governance facts of the demo network that the sources state (decisions 038 and 039), kept in
 * seeds/data/governance.json with the passage each comes from: the subregions a body spans, the
 * plans with two funding markers and how a body decides. Loaded after the bodies and plans, as one
 * audited change per record.
 */

const FILE = fileURLToPath(new URL("../seeds/data/governance.json", import.meta.url));

const text = z.string().min(1);
const governanceFile = z.object({
  body_subregions: z.array(z.object({ body: text, subregions: z.array(text).min(1), source: text })),
  plan_funding_markers: z.array(
    z.object({ plan: text, markers: z.array(z.enum(FUNDING_STATUSES)).min(1), source: text }),
  ),
  decision_modes: z.array(z.object({ body: text, mode: z.enum(DECISION_MODES), source: text })),
});

export function readGovernanceData() {
  const parsed = governanceFile.safeParse(JSON.parse(readFileSync(FILE, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Demo data ${FILE} is invalid at ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return parsed.data;
}

interface Keys {
  get: (key: string) => number;
}

async function bodySubregionIds(trx: Trx, bodyId: number) {
  const rows = await trx.selectFrom("body_subregions").select("subregion_id").where("body_id", "=", bodyId).execute();
  return rows.map((row) => row.subregion_id).sort((a, b) => a - b);
}

/** Applies the governance facts, each as an update of its record with its own audit entry. */
export async function loadDemoGovernance(
  trx: Trx,
  keys: { bodies: Keys; plans: Keys; subregions: Keys },
  data = readGovernanceData(),
) {
  const bumped = async (table: "bodies" | "plans", id: number, values: Record<string, unknown>) => {
    const before = await trx.selectFrom(table).selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    const after = await trx
      .updateTable(table)
      .set({ ...values, version: before.version + 1, updated_at: new Date().toISOString() })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { before, after };
  };

  for (const fact of data.body_subregions) {
    const bodyId = keys.bodies.get(fact.body);
    const previous = await bodySubregionIds(trx, bodyId);
    await trx.deleteFrom("body_subregions").where("body_id", "=", bodyId).execute();
    await trx
      .insertInto("body_subregions")
      .values(fact.subregions.map((code) => ({ body_id: bodyId, subregion_id: keys.subregions.get(code) })))
      .execute();
    const { before, after } = await bumped("bodies", bodyId, {});
    await recordAudit(trx, null, {
      action: "update",
      entity: "bodies",
      entityId: bodyId,
      before: { ...before, subregion_ids: previous },
      after: { ...after, subregion_ids: await bodySubregionIds(trx, bodyId) },
      summary: "demodata",
    });
  }

  for (const fact of data.plan_funding_markers) {
    const planId = keys.plans.get(fact.plan);
    const previous = await trx
      .selectFrom("plan_funding_markers")
      .select("marker")
      .where("plan_id", "=", planId)
      .execute();
    await trx.deleteFrom("plan_funding_markers").where("plan_id", "=", planId).execute();
    await trx
      .insertInto("plan_funding_markers")
      .values(fact.markers.map((marker) => ({ plan_id: planId, marker })))
      .execute();
    const { before, after } = await bumped("plans", planId, {});
    await recordAudit(trx, null, {
      action: "update",
      entity: "plans",
      entityId: planId,
      before: { ...before, funding_markers: previous.map((row) => row.marker) },
      after: { ...after, funding_markers: fact.markers },
      summary: "demodata",
    });
  }

  for (const fact of data.decision_modes) {
    const bodyId = keys.bodies.get(fact.body);
    const { before, after } = await bumped("bodies", bodyId, { decision_mode: fact.mode });
    await recordAudit(trx, null, {
      action: "update",
      entity: "bodies",
      entityId: bodyId,
      before,
      after,
      summary: "demodata",
    });
  }
}

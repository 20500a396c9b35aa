import { type ExpressionBuilder, sql } from "kysely";
import type { DB } from "../../db/index";
import type { Database } from "../../db/schema";
import type { ListScope } from "../services/region-choice";
import { attendanceWindow, drawFromFacts, type FactBody, type PanelFacts } from "../services/panel-draw";
import type { DrawnPanel, PanelRules } from "../services/panel-rules-schema";
import type { Trx } from "./audit.server";
import { currentConsentStatus } from "./people.server";
import { markersOfPlans, subregionsOfBodies } from "./governance.server";

/** A person's address, or null when mail to it bounced (flagged until someone corrects it). */
const usableAddress = sql<string | null>`case when person_emails.bounced_at is null then person_emails.email end`;

/**
 * Gathers what the panel draw needs from the register, and no more: seats only when there are
 * seat rules, plans only when a rule names plans or funding, attendance only when a rule asks for
 * it, and people, jobs and organisations only of those who might qualify. At most seven queries,
 * however many people: the candidates are a subquery, never one query per person.
 *
 * `scope` is the wave's region (decision 046): seats of that region's bodies, and staff of
 * organisations working there or linked to no region yet (an unlinked organisation is to be
 * completed, not silently left out). "all" — a network-wide wave — takes every region's, and names
 * each subregion with its region ("Noord- en Midden-Limburg — Noord"), since two regions' members
 * are counted side by side.
 */
export async function loadPanelFacts(
  db: DB | Trx,
  referenceDate: string,
  rules: PanelRules,
  scope: ListScope,
): Promise<PanelFacts> {
  const seatRules = rules.seatRules;
  const sectorIds = [...new Set(rules.organisationRules.flatMap((rule) => rule.sectorIds))];
  const facts: PanelFacts = { bodies: [], seats: [], people: [], affiliations: [], organisations: [], presences: [] };
  if (seatRules.length === 0 && sectorIds.length === 0) return facts;

  const seatActive = (eb: ExpressionBuilder<Database, "seats">) =>
    eb.and([
      eb("seats.start_date", "<=", referenceDate),
      eb.or([eb("seats.end_date", "is", null), eb("seats.end_date", ">=", referenceDate)]),
      eb("seats.person_id", "is not", null),
    ]);
  const jobActive = (eb: ExpressionBuilder<Database, "affiliations">) =>
    eb.and([
      eb.or([eb("affiliations.start_date", "is", null), eb("affiliations.start_date", "<=", referenceDate)]),
      eb.or([eb("affiliations.end_date", "is", null), eb("affiliations.end_date", ">=", referenceDate)]),
    ]);
  // who might qualify: holders of an active seat (when there are seat rules) and people with an
  // active job at an organisation of a chosen sector (when there are organisation rules)
  const inRegion = (eb: ExpressionBuilder<Database, "bodies">) =>
    scope === "all" ? eb.lit(true) : eb("bodies.region_id", "=", scope.regionId);
  const seatHolders = () =>
    db
      .selectFrom("seats")
      .innerJoin("bodies", "bodies.id", "seats.body_id")
      .select("seats.person_id as id")
      .where(seatActive)
      .where(inRegion);
  const organisationInRegion = (eb: ExpressionBuilder<Database, "organisations">) => {
    if (scope === "all") return eb.lit(true);
    const links = () =>
      eb.selectFrom("organisation_regions").whereRef("organisation_regions.organisation_id", "=", "organisations.id");
    return eb.or([
      eb.exists(
        links().select("organisation_regions.region_id").where("organisation_regions.region_id", "=", scope.regionId),
      ),
      eb.not(eb.exists(links().select("organisation_regions.region_id"))),
    ]);
  };
  const sectorStaff = () =>
    db
      .selectFrom("affiliations")
      .innerJoin("organisations", "organisations.id", "affiliations.organisation_id")
      .select("affiliations.person_id as id")
      .where(jobActive)
      .where("organisations.sector_id", "in", sectorIds)
      .where(organisationInRegion);
  const candidates = () =>
    seatRules.length === 0
      ? sectorStaff()
      : sectorIds.length === 0
        ? seatHolders()
        : seatHolders().union(sectorStaff());

  if (seatRules.length > 0) {
    const rows = await db
      .selectFrom("seats")
      .innerJoin("bodies", "bodies.id", "seats.body_id")
      .select([
        "seats.id",
        "seats.body_id",
        "seats.person_id",
        "seats.role",
        "seats.organisation_id",
        "seats.start_date",
        "seats.end_date",
        "bodies.name",
        "bodies.abbreviation",
        "bodies.kind",
        "bodies.level",
        "bodies.theme_id",
      ])
      .where(seatActive)
      .where(inRegion)
      .orderBy("seats.id")
      .execute();
    const plansOf = new Map<number, FactBody["plans"]>();
    if (seatRules.some((rule) => rule.planIds.length > 0 || rule.planFunding.length > 0)) {
      const plans = await db
        .selectFrom("plans")
        .select(["id", "team_body_id"])
        .where("team_body_id", "is not", null)
        .orderBy("id")
        .execute();
      const markers = await markersOfPlans(
        db,
        plans.map((plan) => plan.id),
      );
      for (const plan of plans)
        plansOf.set(plan.team_body_id!, [
          ...(plansOf.get(plan.team_body_id!) ?? []),
          { id: plan.id, funding: markers.get(plan.id) ?? [] },
        ]);
    }
    const subregionsOf = await subregionsOfBodies(db, [...new Set(rows.map((row) => row.body_id))]);
    const bodies = new Map<number, FactBody>();
    for (const row of rows) {
      if (!bodies.has(row.body_id)) {
        bodies.set(row.body_id, {
          id: row.body_id,
          name: row.name,
          abbreviation: row.abbreviation,
          kind: row.kind,
          level: row.level,
          subregionIds: (subregionsOf.get(row.body_id) ?? []).map((subregion) => subregion.id),
          themeId: row.theme_id,
          plans: plansOf.get(row.body_id) ?? [],
        });
      }
      facts.seats.push({
        id: row.id,
        bodyId: row.body_id,
        personId: row.person_id!,
        role: row.role,
        organisationId: row.organisation_id,
        startDate: row.start_date,
        endDate: row.end_date,
      });
    }
    facts.bodies = [...bodies.values()];

    const months = Math.max(0, ...seatRules.map((rule) => rule.minAttendance?.months ?? 0));
    if (months > 0) {
      const window = attendanceWindow(referenceDate, months);
      facts.presences = await db
        .selectFrom("attendance")
        .innerJoin("meetings", "meetings.id", "attendance.meeting_id")
        .select([
          "attendance.person_id as personId",
          "meetings.body_id as bodyId",
          "meetings.id as meetingId",
          "meetings.date",
        ])
        .where("attendance.status", "=", "aanwezig")
        .where("meetings.status", "=", "gehouden")
        .where("meetings.date", ">=", window.from)
        .where("meetings.date", "<", window.until)
        .where("meetings.body_id", "is not", null)
        .where("attendance.person_id", "in", seatHolders())
        .execute()
        .then((rows) => rows.map((row) => ({ ...row, bodyId: row.bodyId! })));
    }
  }

  const people = await db
    .selectFrom("people")
    .select((eb) => [
      "people.id",
      "people.first_name",
      "people.infix",
      "people.last_name",
      "people.salutation",
      "people.preferred_language",
      "people.archived_at",
      // the address mailings would use; one that bounced is no usable address (null)
      eb
        .selectFrom("person_emails")
        .select(usableAddress.as("email"))
        .whereRef("person_emails.person_id", "=", "people.id")
        .orderBy("person_emails.is_primary", "desc")
        .orderBy("person_emails.id")
        .limit(1)
        .as("email"),
      currentConsentStatus(eb, "research").as("research_consent"),
    ])
    .where("people.id", "in", candidates())
    .execute();
  facts.people = people.map((p) => ({
    id: p.id,
    firstName: p.first_name,
    infix: p.infix,
    lastName: p.last_name,
    salutation: p.salutation,
    language: p.preferred_language,
    archived: p.archived_at !== null,
    email: p.email ?? null,
    researchConsent: p.research_consent ?? null,
  }));

  facts.affiliations = await db
    .selectFrom("affiliations")
    .select([
      "id",
      "person_id as personId",
      "organisation_id as organisationId",
      "start_date as startDate",
      "end_date as endDate",
    ])
    .where(jobActive)
    .where("affiliations.person_id", "in", candidates())
    .execute();

  const organisationIds = [
    ...new Set([
      ...facts.seats.flatMap((s) => (s.organisationId === null ? [] : [s.organisationId])),
      ...facts.affiliations.map((a) => a.organisationId),
    ]),
  ];
  if (organisationIds.length > 0) {
    const [organisations, subregions] = await Promise.all([
      db
        .selectFrom("organisations")
        .innerJoin("sectors", "sectors.id", "organisations.sector_id")
        .select([
          "organisations.id",
          "organisations.name",
          "organisations.short_name",
          "sectors.id as sector_id",
          "sectors.code",
          "sectors.name_nl",
        ])
        .where("organisations.id", "in", organisationIds)
        .execute(),
      db
        .selectFrom("organisation_subregions")
        .innerJoin("subregions", "subregions.id", "organisation_subregions.subregion_id")
        .innerJoin("regions", "regions.id", "subregions.region_id")
        .select(["organisation_subregions.organisation_id", "subregions.name", "regions.name as region_name"])
        .where("organisation_subregions.organisation_id", "in", organisationIds)
        .execute(),
    ]);
    const subregionsOf = new Map<number, string[]>();
    for (const s of subregions) {
      const name = scope === "all" ? `${s.region_name} — ${s.name}` : s.name;
      subregionsOf.set(s.organisation_id, [...(subregionsOf.get(s.organisation_id) ?? []), name]);
    }
    facts.organisations = organisations.map((o) => ({
      id: o.id,
      name: o.name,
      shortName: o.short_name,
      sectorId: o.sector_id,
      sectorCode: o.code,
      sectorName: o.name_nl,
      subregions: subregionsOf.get(o.id) ?? [],
    }));
  }
  return facts;
}

/**
 * The panel the rules select on the reference date, as the preview shows it and freezing stores it:
 * in the wave's region, or every region's for a network-wide wave (`waveScope`).
 */
export async function drawPanel(
  db: DB | Trx,
  rules: PanelRules,
  referenceDate: string,
  scope: ListScope,
): Promise<DrawnPanel> {
  return drawFromFacts(await loadPanelFacts(db, referenceDate, rules, scope), rules, referenceDate);
}

/** Whose bodies and organisations a wave draws from: its region's, or every region's when it has none. */
export const waveScope = (wave: { region_id: number | null }): ListScope =>
  wave.region_id === null ? "all" : { regionId: wave.region_id };

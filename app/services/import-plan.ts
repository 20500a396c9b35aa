import type { IsoDate, SeatRole } from "../../db/schema";
import type { Message } from "../i18n/keys";
import type { PersonMatchReason } from "./duplicate-matching";
import { messageKey } from "./form-data";
import type { ImportField, ImportMapping } from "./import-fields";
import {
  foldText,
  INVALID,
  linkName,
  type NameIndex,
  nameKey,
  parseImportDate,
  parseImportEmail,
  parseImportRole,
} from "./import-values";
import { displayName } from "./names";
import { periodsOverlap } from "./seat-rules";

/**
 * The import's plan: for every row of a mapped spreadsheet, which records of the register it names,
 * what it would create (organisations, people, jobs, seats), and what is wrong with it. Pure: the
 * register's facts come in as an ImportRegister read before, so the preview and the import itself
 * (which plans again inside its transaction) decide alike.
 */

/** A record of the register as the plan knows it. */
export interface KnownRecord {
  id: number;
  name: string;
  archived: boolean;
}

export interface ImportRegister {
  organisations: NameIndex;
  organisationsById: Map<number, KnownRecord>;
  bodies: NameIndex;
  bodiesById: Map<number, KnownRecord>;
  sectors: { id: number; code: string; name_nl: string; name_en: string }[];
  /** by address, lower case */
  peopleByEmail: Map<string, KnownRecord>;
  /** by "<source>\u0000<value>" */
  peopleByExternalId: Map<string, KnownRecord>;
  organisationsByExternalId: Map<string, KnownRecord>;
  /** addresses of erased people among the file's */
  suppressed: Set<string>;
  /** "<personId>:<organisationId>" of jobs that still run */
  openJobs: Set<string>;
  /** the seats of the people the file links to, by person id */
  seatsByPerson: Map<number, { body_id: number; role: string; start_date: IsoDate; end_date: IsoDate | null }[]>;
  /** the region chosen on upload (null in a register without regions) and the organisations already in it */
  region: { id: number; name: string } | null;
  organisationsInRegion: Set<number>;
}

/** A problem of a row: the column (its header) and what is wrong. */
export interface RowIssue {
  column: string | null;
  message: Message;
  /** why the row's new person looks like one the register has: the page puts them in words */
  reasons?: PersonMatchReason[];
}

/** What a row's name was linked to: an existing record (id) or one the import creates (id null). */
export interface RowLink {
  field: "organisation" | "person" | "body" | "on_behalf_of";
  name: string;
  id: number | null;
}

export interface RowPreview {
  line: number;
  errors: RowIssue[];
  warnings: RowIssue[];
  links: RowLink[];
}

/** An existing record, or one the plan creates, by its key in the plan. */
export type RecordRef = { existing: number } | { planned: string };

export interface PlannedOrganisation {
  key: string;
  name: string;
  sector_id: number;
  externalId: { source: string; value: string } | null;
}

export interface PlannedPerson {
  key: string;
  first_name: string | null;
  infix: string | null;
  last_name: string;
  initials: string | null;
  email: string | null;
  phone: string | null;
  externalId: { source: string; value: string } | null;
  /** the row that creates it (index into the plan's rows) and the existing organisation it joins */
  row: number;
  organisationId: number | null;
}

export interface PlannedJob {
  person: RecordRef;
  organisation: RecordRef;
  function_title: string | null;
  start_date: IsoDate | null;
  end_date: IsoDate | null;
}

export interface PlannedSeat {
  person: RecordRef;
  body_id: number;
  role: SeatRole;
  organisation: RecordRef | null;
  start_date: IsoDate;
  end_date: IsoDate | null;
}

export interface ImportPlan {
  rows: RowPreview[];
  organisations: PlannedOrganisation[];
  people: PlannedPerson[];
  jobs: PlannedJob[];
  seats: PlannedSeat[];
  /** existing organisations the file names that are not yet in the upload's region: the import links them */
  regionLinks: number[];
  /** rows with at least one error: while there are any, nothing is imported */
  errorRows: number;
  warningRows: number;
}

export interface ImportSheet {
  headers: string[];
  rows: string[][];
  lines: number[];
}

/** The external-id key of a value from a column: the column's header names the system it came from. */
export const externalKey = (source: string, value: string) => `${source}\u0000${value}`;

/** What a row says per field, and the header of each field's column. */
function cellsOf(sheet: ImportSheet, mapping: ImportMapping) {
  const columnOf = new Map<ImportField, number>();
  mapping.forEach((field, i) => {
    if (field && !columnOf.has(field)) columnOf.set(field, i);
  });
  return {
    header: (field: ImportField) => {
      const i = columnOf.get(field);
      return i === undefined ? null : (sheet.headers[i] ?? null);
    },
    value: (row: string[], field: ImportField) => {
      const i = columnOf.get(field);
      return i === undefined ? "" : (row[i] ?? "").trim();
    },
  };
}

const orEmpty = (text: string) => (text === "" ? null : text);

/** The emails and external ids a file names: what the register must be asked about before planning. */
export function namedInSheet(sheet: ImportSheet, mapping: ImportMapping) {
  const cells = cellsOf(sheet, mapping);
  const emails = new Set<string>();
  const personIds = new Set<string>();
  const organisationIds = new Set<string>();
  for (const row of sheet.rows) {
    const email = parseImportEmail(cells.value(row, "email"));
    if (email && email !== INVALID) emails.add(email);
    const personId = cells.value(row, "person_external_id");
    if (personId) personIds.add(personId);
    const organisationId = cells.value(row, "organisation_external_id");
    if (organisationId) organisationIds.add(organisationId);
  }
  return {
    emails: [...emails],
    personExternalIds: { source: cells.header("person_external_id") ?? "", values: [...personIds] },
    organisationExternalIds: { source: cells.header("organisation_external_id") ?? "", values: [...organisationIds] },
  };
}

/** Rows planned per step of progress. */
export const PLAN_CHUNK = 500;

/**
 * Plans the whole sheet. `onChunk` is told how many rows are done after every PLAN_CHUNK rows and
 * may wait (the server yields there, so that the progress page is answered while thousands plan).
 */
export async function planImport(
  sheet: ImportSheet,
  mapping: ImportMapping,
  register: ImportRegister,
  today: Date,
  onChunk: (done: number) => Promise<void> | void = () => undefined,
): Promise<ImportPlan> {
  const cells = cellsOf(sheet, mapping);
  const plan: ImportPlan = {
    rows: [],
    organisations: [],
    people: [],
    jobs: [],
    seats: [],
    regionLinks: [],
    errorRows: 0,
    warningRows: 0,
  };
  const plannedOrganisations = new Map<string, PlannedOrganisation>();
  const plannedOrganisationsByExternal = new Map<string, PlannedOrganisation>();
  const plannedPeople = new Map<string, PlannedPerson>();
  const linkedToRegion = new Set<number>();
  const jobsPlanned = new Set<string>();
  /** the seats planned so far by person, body and role: those a new one may overlap */
  const seatsPlanned = new Map<string, (PlannedSeat & { line: number })[]>();
  const fallbackSector = register.sectors.find((sector) => sector.code === "overig") ?? null;
  const refText = (ref: RecordRef) => ("existing" in ref ? `e${ref.existing}` : `p${ref.planned}`);

  for (let r = 0; r < sheet.rows.length; r += 1) {
    const row = sheet.rows[r] ?? [];
    const line = sheet.lines[r] ?? r + 2;
    const preview: RowPreview = { line, errors: [], warnings: [], links: [] };
    const error = (field: ImportField | null, message: Message) =>
      preview.errors.push({ column: field ? cells.header(field) : null, message });
    const warn = (field: ImportField | null, message: Message) =>
      preview.warnings.push({ column: field ? cells.header(field) : null, message });
    const get = (field: ImportField) => cells.value(row, field);
    // said once, on the first row that names the organisation, like a new organisation
    const linkToRegion = (field: ImportField, known: { id: number; name: string }) => {
      const region = register.region;
      if (!region || register.organisationsInRegion.has(known.id) || linkedToRegion.has(known.id)) return;
      linkedToRegion.add(known.id);
      plan.regionLinks.push(known.id);
      warn(field, messageKey("import.warnings.linkedToRegion", { name: known.name, region: region.name }));
    };

    /* ---------- the organisation ---------- */
    const linkOrganisation = (field: "organisation" | "on_behalf_of", text: string, mayCreate: boolean) => {
      const link = linkName(register.organisations, text);
      if (link.kind === "linked") {
        const known = register.organisationsById.get(link.id);
        if (known?.archived) {
          error(field, messageKey("import.errors.organisationArchived", { name: link.name }));
          return null;
        }
        preview.links.push({ field, name: link.name, id: link.id });
        linkToRegion(field, link);
        return { existing: link.id } as RecordRef;
      }
      if (link.kind === "ambiguous") {
        const candidates = link.candidates.map((candidate) => candidate.name).join("; ");
        error(field, messageKey("import.errors.organisationAmbiguous", { name: text, candidates }));
        return null;
      }
      const key = nameKey(text);
      const planned = plannedOrganisations.get(key);
      if (planned) {
        preview.links.push({ field, name: planned.name, id: null });
        return { planned: planned.key } as RecordRef;
      }
      if (!mayCreate) {
        error(field, messageKey("import.errors.organisationUnknown", { name: text }));
        return null;
      }
      return undefined;
    };

    let organisation: RecordRef | null = null;
    const organisationName = get("organisation");
    const organisationExternal = get("organisation_external_id");
    const organisationSource = cells.header("organisation_external_id") ?? "";
    const knownByExternal = organisationExternal
      ? register.organisationsByExternalId.get(externalKey(organisationSource, organisationExternal))
      : undefined;
    const plannedByExternal = organisationExternal
      ? plannedOrganisationsByExternal.get(externalKey(organisationSource, organisationExternal))
      : undefined;
    if (knownByExternal) {
      if (knownByExternal.archived)
        error(
          "organisation_external_id",
          messageKey("import.errors.organisationArchived", { name: knownByExternal.name }),
        );
      else {
        organisation = { existing: knownByExternal.id };
        preview.links.push({ field: "organisation", name: knownByExternal.name, id: knownByExternal.id });
        linkToRegion("organisation_external_id", knownByExternal);
      }
    } else if (plannedByExternal) {
      organisation = { planned: plannedByExternal.key };
      preview.links.push({ field: "organisation", name: plannedByExternal.name, id: null });
    } else if (organisationName) {
      const linked = linkOrganisation("organisation", organisationName, true);
      if (linked) organisation = linked;
      else if (linked === undefined) {
        const sectorText = get("sector");
        let sectorId = fallbackSector?.id ?? null;
        if (sectorText) {
          const wanted = foldText(sectorText);
          const sector = register.sectors.find((candidate) =>
            [candidate.code, candidate.name_nl, candidate.name_en].some((name) => foldText(name) === wanted),
          );
          sectorId = sector?.id ?? null;
          if (!sector) error("sector", messageKey("import.errors.sectorUnknown", { name: sectorText }));
        } else if (sectorId === null) error("sector", "import.errors.sectorNeeded");
        if (sectorId !== null && preview.errors.length === 0) {
          const created: PlannedOrganisation = {
            key: nameKey(organisationName),
            name: organisationName,
            sector_id: sectorId,
            externalId: organisationExternal ? { source: organisationSource, value: organisationExternal } : null,
          };
          plannedOrganisations.set(created.key, created);
          if (created.externalId)
            plannedOrganisationsByExternal.set(externalKey(organisationSource, organisationExternal), created);
          plan.organisations.push(created);
          organisation = { planned: created.key };
          preview.links.push({ field: "organisation", name: organisationName, id: null });
          warn("organisation", messageKey("import.warnings.newOrganisation", { name: organisationName }));
        }
      }
    } else if (organisationExternal) {
      error("organisation_external_id", messageKey("import.errors.externalIdUnknown", { value: organisationExternal }));
    }

    /* ---------- the person ---------- */
    let person: RecordRef | null = null;
    const lastName = get("last_name");
    const emailText = get("email");
    const email = parseImportEmail(emailText);
    const personExternal = get("person_external_id");
    const personSource = cells.header("person_external_id") ?? "";
    if (email === INVALID) error("email", messageKey("import.errors.emailInvalid", { value: emailText }));
    else if (email && register.suppressed.has(email)) error("email", "import.errors.emailErased");
    const wantsPerson = lastName !== "" || emailText !== "" || personExternal !== "";
    if (wantsPerson) {
      const known =
        (personExternal ? register.peopleByExternalId.get(externalKey(personSource, personExternal)) : undefined) ??
        (email && email !== INVALID ? register.peopleByEmail.get(email) : undefined);
      const plannedKey = personExternal ? `x:${personExternal}` : email && email !== INVALID ? `e:${email}` : null;
      const planned = plannedKey ? plannedPeople.get(plannedKey) : undefined;
      if (known) {
        if (known.archived) error("last_name", messageKey("import.errors.personArchived", { name: known.name }));
        else {
          person = { existing: known.id };
          preview.links.push({ field: "person", name: known.name, id: known.id });
          if (!personExternal || !register.peopleByExternalId.has(externalKey(personSource, personExternal)))
            warn("email", messageKey("import.warnings.samePersonByEmail", { name: known.name }));
        }
      } else if (planned) {
        person = { planned: planned.key };
        preview.links.push({ field: "person", name: displayName(planned), id: null });
      } else if (lastName === "") {
        error("last_name", "import.errors.lastNameNeeded");
      } else if (email !== INVALID) {
        const created: PlannedPerson = {
          key: plannedKey ?? `r:${line}`,
          first_name: orEmpty(get("first_name")),
          infix: orEmpty(get("infix")),
          last_name: lastName,
          initials: orEmpty(get("initials")),
          email: email,
          phone: orEmpty(get("phone")),
          externalId: personExternal ? { source: personSource, value: personExternal } : null,
          row: r,
          organisationId: organisation && "existing" in organisation ? organisation.existing : null,
        };
        plannedPeople.set(created.key, created);
        plan.people.push(created);
        person = { planned: created.key };
        preview.links.push({ field: "person", name: displayName(created), id: null });
      }
    }

    /* ---------- dates, the seat and the job ---------- */
    const startText = get("start_date");
    const endText = get("end_date");
    const start = parseImportDate(startText, today);
    const end = parseImportDate(endText, today);
    if (start === INVALID) error("start_date", messageKey("import.errors.dateInvalid", { value: startText }));
    if (end === INVALID) error("end_date", messageKey("import.errors.dateInvalid", { value: endText }));
    const datesValid = start !== INVALID && end !== INVALID;
    if (datesValid && start && end && end < start) error("end_date", "import.errors.endBeforeStart");

    const bodyText = get("body");
    let seat: PlannedSeat | null = null;
    if (bodyText) {
      const link = linkName(register.bodies, bodyText);
      const role = parseImportRole(get("role"));
      if (role === "invalid") error("role", messageKey("import.errors.roleUnknown", { value: get("role") }));
      if (link.kind === "ambiguous")
        error(
          "body",
          messageKey("import.errors.bodyAmbiguous", {
            name: bodyText,
            candidates: link.candidates.map((candidate) => candidate.name).join("; "),
          }),
        );
      else if (link.kind === "none") error("body", messageKey("import.errors.bodyUnknown", { name: bodyText }));
      else if (register.bodiesById.get(link.id)?.archived)
        error("body", messageKey("import.errors.bodyArchived", { name: link.name }));
      else preview.links.push({ field: "body", name: link.name, id: link.id });
      if (!wantsPerson) error("last_name", "import.errors.seatNeedsPerson");
      if (datesValid && !start) error("start_date", "import.errors.seatNeedsStart");
      const behalfText = get("on_behalf_of");
      const onBehalf = behalfText ? linkOrganisation("on_behalf_of", behalfText, false) : organisation;
      if (
        link.kind === "linked" &&
        role !== "invalid" &&
        person &&
        datesValid &&
        start &&
        onBehalf !== undefined &&
        !(behalfText && onBehalf === null)
      )
        seat = {
          person,
          body_id: link.id,
          role,
          organisation: onBehalf,
          start_date: start,
          end_date: end,
        };
    }
    if (seat) {
      const candidate = seat;
      const existing =
        "existing" in candidate.person ? (register.seatsByPerson.get(candidate.person.existing) ?? []) : [];
      const sameSeat = (other: { body_id: number; role: string }) =>
        other.body_id === candidate.body_id && other.role === candidate.role;
      const clash = existing.find((other) => sameSeat(other) && periodsOverlap(candidate, other));
      const seatKey = `${refText(candidate.person)}:${candidate.body_id}:${candidate.role}`;
      const inFile = seatsPlanned.get(seatKey)?.find((other) => periodsOverlap(candidate, other));
      if (clash) error("start_date", messageKey("import.errors.seatOverlapsRegister", { start: clash.start_date }));
      else if (inFile) error("start_date", messageKey("import.errors.seatOverlapsRow", { line: inFile.line }));
      else if (preview.errors.length === 0) {
        seatsPlanned.set(seatKey, [...(seatsPlanned.get(seatKey) ?? []), { ...candidate, line }]);
        plan.seats.push(candidate);
      }
    }
    const functionTitle = get("function_title");
    if (person && organisation && preview.errors.length === 0) {
      const jobKey = `${refText(person)}:${refText(organisation)}`;
      const running =
        "existing" in person &&
        "existing" in organisation &&
        register.openJobs.has(`${person.existing}:${organisation.existing}`);
      if (running) {
        if (functionTitle) warn("function_title", "import.warnings.jobExists");
      } else if (!jobsPlanned.has(jobKey)) {
        jobsPlanned.add(jobKey);
        plan.jobs.push({
          person,
          organisation,
          function_title: orEmpty(functionTitle),
          // the row's dates are the seat's when it names a body
          start_date: bodyText || !datesValid ? null : start,
          end_date: bodyText || !datesValid ? null : end,
        });
      }
    } else if (functionTitle && !organisation && preview.errors.length === 0)
      error("organisation", "import.errors.jobNeedsOrganisation");

    if (!wantsPerson && !organisationName && !organisationExternal && !bodyText && preview.errors.length === 0)
      error(null, "import.errors.rowEmpty");

    if (preview.errors.length > 0) plan.errorRows += 1;
    if (preview.warnings.length > 0) plan.warningRows += 1;
    plan.rows.push(preview);
    if ((r + 1) % PLAN_CHUNK === 0) await onChunk(r + 1);
  }
  await onChunk(sheet.rows.length);
  return plan;
}

/** The register's people most like each one the plan creates, best first (likelyDuplicatesOfPeople). */
export interface LikelyExisting {
  name: string;
  score: number;
  reasons: PersonMatchReason[];
}

/**
 * Warns on each row whose new person looks like someone the register has (the best match only). A
 * warning, not an error: a namesake at the same organisation is sometimes someone else.
 */
export function warnOfLikelyDuplicates(plan: ImportPlan, likely: readonly (readonly LikelyExisting[])[]): void {
  plan.people.forEach((person, i) => {
    const best = likely[i]?.[0];
    const preview = plan.rows[person.row];
    if (!best || !preview) return;
    if (preview.warnings.length === 0) plan.warningRows += 1;
    preview.warnings.push({
      column: null,
      message: messageKey("import.warnings.likelyDuplicate", { name: best.name, score: best.score }),
      reasons: best.reasons,
    });
  });
}

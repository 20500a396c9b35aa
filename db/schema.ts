import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** A column the database fills in when omitted (defaults, timestamps). */
type Defaulted<T> = ColumnType<T, T | undefined, T>;
/** ISO `YYYY-MM-DD`: a day, as the design uses for start, end and reference dates. */
export type IsoDate = string;
/** UTC ISO timestamp. */
export type IsoMoment = string;
/** SQLite has no boolean: 0 or 1. */
export type Flag = 0 | 1;

export const BODY_LEVELS = ["strategisch", "tactisch", "operationeel"] as const;
export type BodyLevel = (typeof BODY_LEVELS)[number];

export const BODY_KINDS = [
  "regiegroep",
  "adviesteam",
  "onderzoeksteam",
  "coalitie",
  "dagelijks_bestuur",
  "overleg",
  "themagroep",
  "werkgroep",
  "klankbordgroep",
  "netwerkbijeenkomst",
  "projectteam",
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export const SEAT_ROLES = [
  "voorzitter",
  "vicevoorzitter",
  "lid",
  "secretaris",
  "ambtelijk_ondersteuner",
  "bestuurlijk_trekker",
  "themaleider",
  "portefeuillehouder",
  "programmaleider",
  "projectleider",
  "adviseur",
  "agendalid",
  "plaatsvervanger",
  "waarnemer",
] as const;
export type SeatRole = (typeof SEAT_ROLES)[number];

export const THEME_KINDS = ["inhoudelijk", "randvoorwaardelijk"] as const;
export type ThemeKind = (typeof THEME_KINDS)[number];

export const FUNDING_STATUSES = ["iza", "andere", "wachtlijst_iza", "geen_iza", "white_spot"] as const;
export type FundingStatus = (typeof FUNDING_STATUSES)[number];

/** How a body decides, in the sources' words: consent (BRGZL), consensus and else a simple majority (PhO IZA), unanimity (Kerngroep). */
export const DECISION_MODES = [
  "consent",
  "consensus",
  "consensus_anders_meerderheid",
  "meerderheid",
  "unaniem",
] as const;
export type DecisionMode = (typeof DECISION_MODES)[number];

export const CONSENT_PURPOSES = ["research", "news"] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export type ConsentStatus = "given" | "withdrawn";

export const LANGUAGES = ["nl", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export const MEETING_KINDS = [
  "vergadering",
  "brede_netwerkbijeenkomst",
  "heisessie",
  "leerbijeenkomst",
  "themasessie",
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
/** The kinds of network-wide events: meetings that belong to no single body. */
export const EVENT_KINDS = ["brede_netwerkbijeenkomst", "heisessie", "leerbijeenkomst", "themasessie"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const MEETING_STATUSES = ["gepland", "gehouden", "geannuleerd"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** aanwezig = present, afgemeld = sent apologies, afwezig = absent, vervangen = replaced by a substitute, gast = guest. */
export const ATTENDANCE_STATUSES = ["aanwezig", "afgemeld", "afwezig", "vervangen", "gast"] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** draft → frozen (panel fixed) → in_field (mailings out) → closed. */
export const WAVE_STATUSES = ["draft", "frozen", "in_field", "closed"] as const;
export type WaveStatus = (typeof WAVE_STATUSES)[number];

/** The messages of a survey wave, in the order they go out. */
export const MAILING_KINDS = ["invitation", "reminder1", "reminder2", "thanks"] as const;
export type MailingKind = (typeof MAILING_KINDS)[number];

/** sending (or waiting for its start) → done; paused by a person or by an SMTP server that refuses. */
export const MAILING_STATUSES = ["sending", "paused", "done"] as const;
export type MailingStatus = (typeof MAILING_STATUSES)[number];

/**
 * waiting → sending → sent; a temporary refusal goes back to waiting (later), a permanent one to
 * failed; a row left in sending by a crash becomes unknown; withdrawn: not sent after all (opted
 * out, excluded, address bounced) before its turn.
 */
export const OUTBOX_STATUSES = ["waiting", "sending", "sent", "failed", "unknown", "withdrawn"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const USER_ROLES = ["beheerder", "redacteur", "onderzoeker", "lezer"] as const;
export type UserRole = (typeof USER_ROLES)[number];

interface Versioned {
  version: Defaulted<number>;
  created_at: Defaulted<IsoMoment>;
  updated_at: Defaulted<IsoMoment>;
}

export interface RegionsTable {
  id: Generated<number>;
  code: string;
  name: string;
  /** the line the header shows under the region's name (migration 0019) */
  tagline: Defaulted<string | null>;
  /** edited against the version the editor saw; subregion changes count as the region's (migration 0019) */
  version: Defaulted<number>;
  updated_at: Defaulted<IsoMoment>;
}

export interface SubregionsTable {
  id: Generated<number>;
  region_id: number;
  code: string;
  name: string;
}

export interface SectorsTable {
  id: Generated<number>;
  code: string;
  name_nl: string;
  name_en: string;
  sort_order: Defaulted<number>;
}

export interface OrganisationsTable extends Versioned {
  id: Generated<number>;
  name: string;
  short_name: string | null;
  sector_id: number;
  iza_signatory: Defaulted<Flag>;
  parent_id: number | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  notes: string | null;
  archived_at: IsoMoment | null;
  /** the organisation this duplicate was merged into (migration 0016); the row stays, archived */
  merged_into_id: Defaulted<number | null>;
  merged_at: Defaulted<IsoMoment | null>;
}

export interface OrganisationSubregionsTable {
  organisation_id: number;
  subregion_id: number;
}

/** The regions an organisation works in (migration 0019); none: it is on the "te completeren" list. */
export interface OrganisationRegionsTable {
  organisation_id: number;
  region_id: number;
}

export interface PeopleTable extends Versioned {
  id: Generated<number>;
  first_name: string | null;
  infix: string | null;
  last_name: string;
  initials: string | null;
  salutation: string | null;
  title: string | null;
  phone: string | null;
  preferred_language: Defaulted<Language>;
  notes: string | null;
  archived_at: IsoMoment | null;
  /** set when the person was erased at their request (migration 0012): the row stays, emptied */
  erased_at: Defaulted<IsoMoment | null>;
  /** the person this duplicate was merged into (migration 0016); the row stays, archived */
  merged_into_id: Defaulted<number | null>;
  merged_at: Defaulted<IsoMoment | null>;
  /** the Dutch list order as a byte-comparable key, kept by triggers (migration 0006) */
  sort_name: Generated<string>;
  /** the achternaam as a duplicate block key and the phone as dialled, kept by triggers (migration 0015) */
  surname_key: Generated<string>;
  phone_key: Generated<string>;
}

export interface PersonEmailsTable {
  id: Generated<number>;
  person_id: number;
  email: string;
  is_primary: Defaulted<Flag>;
  /** set when mail to the address bounced: flagged for correction, not deleted */
  bounced_at: Defaulted<IsoMoment | null>;
  bounce_reason: Defaulted<string | null>;
}

export interface ConsentsTable {
  id: Generated<number>;
  person_id: number;
  purpose: ConsentPurpose;
  status: ConsentStatus;
  recorded_on: IsoDate;
  source: string | null;
  created_at: Defaulted<IsoMoment>;
}

export interface AffiliationsTable extends Versioned {
  id: Generated<number>;
  person_id: number;
  organisation_id: number;
  function_title: string | null;
  start_date: IsoDate | null;
  end_date: IsoDate | null;
}

export interface ThemesTable extends Versioned {
  id: Generated<number>;
  /** the region the record belongs to (migration 0019): required for every new row */
  region_id: number;
  name: string;
  kind: ThemeKind;
  description: string | null;
  archived_at: IsoMoment | null;
}

export interface BodiesTable extends Versioned {
  id: Generated<number>;
  /** the region the record belongs to (migration 0019): required for every new row */
  region_id: number;
  name: string;
  abbreviation: string | null;
  kind: BodyKind;
  level: BodyLevel;
  parent_id: number | null;
  theme_id: number | null;
  description: string | null;
  active_from: IsoDate | null;
  active_to: IsoDate | null;
  meetings_per_year: number | null;
  /** how often it meets as an interval in weeks, both or neither (migration 0020): "every 2–4 weeks" */
  meeting_interval_min_weeks: Defaulted<number | null>;
  meeting_interval_max_weeks: Defaulted<number | null>;
  decision_mode: Defaulted<DecisionMode | null>;
  archived_at: IsoMoment | null;
}

/** The subregions a body spans (migration 0020); none: the whole region. */
export interface BodySubregionsTable {
  body_id: number;
  subregion_id: number;
}

export interface PlansTable extends Versioned {
  id: Generated<number>;
  /** the region the record belongs to (migration 0019): required for every new row */
  region_id: number;
  name: string;
  theme_id: number | null;
  lead_organisation_id: number | null;
  team_body_id: number | null;
  description: string | null;
  archived_at: IsoMoment | null;
}

/** The subregions a plan spans (migration 0020); none: the whole region. */
export interface PlanSubregionsTable {
  plan_id: number;
  subregion_id: number;
}

/** A plan's funding markers, at least one (migration 0020). */
export interface PlanFundingMarkersTable {
  plan_id: number;
  marker: FundingStatus;
}

/** A programme lead (programmaleider) of a theme or programme, for a period (migration 0020). */
export interface ThemeLeadsTable extends Versioned {
  id: Generated<number>;
  theme_id: number;
  person_id: number;
  start_date: IsoDate;
  end_date: IsoDate | null;
}

export interface SeatsTable extends Versioned {
  id: Generated<number>;
  body_id: number;
  person_id: number | null;
  role: SeatRole;
  organisation_id: number | null;
  /** the constituency (achterban) the seat represents instead of an organisation (migration 0020) */
  constituency_sector_id: Defaulted<number | null>;
  constituency_subregion_id: Defaulted<number | null>;
  start_date: IsoDate;
  end_date: IsoDate | null;
  note: string | null;
}

export interface SavedSearchesTable extends Versioned {
  id: Generated<number>;
  /** the region the record belongs to (migration 0019): required for every new row */
  region_id: number;
  name: string;
  /** JSON of the people list's filter */
  filter: string;
  created_by: number | null;
  archived_at: IsoMoment | null;
}

export interface MeetingSeriesTable {
  id: Generated<number>;
  body_id: number | null;
  /** iCalendar RRULE text, e.g. FREQ=MONTHLY;INTERVAL=2;BYDAY=+2TU;COUNT=6 */
  rule: string;
  first_date: IsoDate;
  created_at: Defaulted<IsoMoment>;
}

/** A wall-clock time in Europe/Amsterdam, `HH:MM`. */
export type ClockTime = string;

export interface MeetingsTable extends Versioned {
  id: Generated<number>;
  /** the meeting's region (migration 0019); a vergadering's is its body's, which the database checks */
  region_id: number;
  /** null for a network-wide event */
  body_id: number | null;
  series_id: number | null;
  kind: MeetingKind;
  title: string;
  date: IsoDate;
  start_time: ClockTime | null;
  end_time: ClockTime | null;
  location: string | null;
  online_url: string | null;
  status: Defaulted<MeetingStatus>;
  agenda: string | null;
  minutes: string | null;
}

export interface MeetingInvitationsTable {
  id: Generated<number>;
  meeting_id: number;
  body_id: number | null;
  organisation_id: number | null;
  saved_search_id: number | null;
}

export interface AttendanceTable {
  id: Generated<number>;
  meeting_id: number;
  person_id: number;
  status: AttendanceStatus;
  substitute_person_id: number | null;
  seat_id: number | null;
  organisation_id: number | null;
  note: string | null;
}

export interface CalendarFeedsTable {
  id: Generated<number>;
  body_id: number;
  /** SHA-256 (hex) of the token in the feed's address; the token itself is shown once and not kept */
  token_hash: string;
  /** the token's first characters, so the pages can tell links apart */
  token_start: string;
  created_by: number | null;
  created_at: Defaulted<IsoMoment>;
  revoked_at: IsoMoment | null;
  revoked_by: number | null;
}

export interface SurveyWavesTable extends Versioned {
  id: Generated<number>;
  /** the wave's region (migration 0019); null: a network-wide wave over every region (migration 0022) */
  region_id: number | null;
  name: string;
  year: number;
  reference_date: IsoDate;
  /** the questionnaire link with `{token}` */
  link_template: string;
  status: Defaulted<WaveStatus>;
  method_notes: string | null;
  /** JSON of PanelRules (app/services/panel-rules-schema.ts) */
  rules: string;
  frozen_at: IsoMoment | null;
  frozen_by: number | null;
  /** JSON: the counts per stratum when frozen */
  frozen_counts: string | null;
  /** SHA-256 (hex) of the frozen panel's canonical JSON with the rules and reference date */
  content_hash: string | null;
  /** the last day the questionnaire can be filled in, as the messages say it */
  closes_on: Defaulted<IsoDate | null>;
}

export interface PanelMembersTable {
  id: Generated<number>;
  wave_id: number;
  person_id: number;
  token: string;
  first_name: string | null;
  infix: string | null;
  last_name: string;
  salutation: string | null;
  email: string;
  language: Language;
  organisation_id: number | null;
  sector_code: string | null;
  level: BodyLevel | null;
  /** JSON of PanelAttributes */
  attributes: string;
  /** JSON of PanelReason[] */
  reasons: string;
  excluded_at: IsoMoment | null;
  excluded_by: number | null;
  exclusion_reason: string | null;
  /** set when the person was erased: name and address blanked, the hashed fields untouched */
  erased_at: Defaulted<IsoMoment | null>;
}

export interface WaveMessagesTable extends Versioned {
  id: Generated<number>;
  wave_id: number;
  kind: MailingKind;
  language: Language;
  subject: string;
  body: string;
}

export interface MailingsTable extends Versioned {
  id: Generated<number>;
  wave_id: number;
  kind: MailingKind;
  status: Defaulted<MailingStatus>;
  start_at: IsoMoment;
  rate_per_minute: number | null;
  /** JSON of MailingMessages: subject and body per language as they were when the mailing started */
  messages: string;
  closes_on: IsoDate | null;
  /** the origin the messages' links point to */
  link_origin: string;
  paused_reason: string | null;
  finished_at: IsoMoment | null;
  created_by: number | null;
}

export interface MailOutboxTable {
  id: Generated<number>;
  mailing_id: number;
  panel_member_id: number;
  person_id: number;
  email: string;
  language: Language;
  status: Defaulted<OutboxStatus>;
  attempts: Defaulted<number>;
  next_attempt_at: IsoMoment;
  last_error: string | null;
  smtp_response: string | null;
  message_id: string | null;
  sent_at: IsoMoment | null;
  bounced_at: IsoMoment | null;
  updated_at: Defaulted<IsoMoment>;
}

export interface PanelResponsesTable {
  panel_member_id: number;
  started_at: IsoMoment | null;
  completed_at: IsoMoment | null;
  source: string;
  updated_at: Defaulted<IsoMoment>;
}

export interface RequestLimitsTable {
  key: string;
  /** epoch milliseconds */
  window_start: number;
  count: number;
}

/** Settings of the register, shared by every server on the database (migration 0009). */
export interface SettingsTable {
  /**
   * demo_network: the register holds the synthetic demo network (its value: the day it was loaded);
   * start_region: the id of the region a user's view starts on before they choose one (decision 050)
   */
  key: "pseudonym_secret" | "suppression_salt" | "demo_network" | "start_region";
  value: string;
}

export interface UsersTable extends Versioned {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string;
  language: Defaulted<Language>;
  disabled_at: IsoMoment | null;
}

/** A user's role in one region, or network-wide when `region_id` is null (migration 0021, decision 042). */
export interface UserRolesTable {
  id: Generated<number>;
  user_id: number;
  region_id: number | null;
  role: UserRole;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  /** the region chosen in the header's switcher; null: the default, or the cross-region view (decision 043) */
  region_id: Defaulted<number | null>;
  /** 1: the cross-region view, open only to a network-wide role */
  all_regions: Defaulted<number>;
  /** epoch milliseconds */
  expires_at: number;
  /** epoch milliseconds, written at most once a minute: for the idle timeout */
  last_used_at: number;
  created_at: Defaulted<IsoMoment>;
}

export interface LoginThrottleTable {
  key: string;
  failures: Defaulted<number>;
  /** epoch milliseconds before which no attempt is evaluated */
  blocked_until: Defaulted<number>;
  updated_at: number;
}

export type AuditAction =
  "create" | "update" | "archive" | "restore" | "end" | "delete" | "export" | "erase" | "merge" | "unmerge";

/** A pair of people or organisations the office marked "not the same" (migration 0015), lower id first. */
export interface DuplicateDismissalsTable {
  id: Generated<number>;
  kind: "person" | "organisation";
  first_id: number;
  second_id: number;
  dismissed_by: number | null;
  dismissed_at: Defaulted<IsoMoment>;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Defaulted<IsoMoment>;
  user_id: number | null;
  action: AuditAction;
  entity: string;
  entity_id: string;
  summary: string | null;
  /** JSON of the record before the change; null on create */
  before: string | null;
  /** JSON of the record after the change; null on delete */
  after: string | null;
  /** set when personal data in the entry was redacted by an erasure (the only change an entry allows) */
  redacted_at: Defaulted<IsoMoment | null>;
}

/** Salted hashes of the addresses of erased people: never imported or mailed again (migration 0012). */
export interface SuppressedAddressesTable {
  address_hash: string;
  suppressed_at: Defaulted<IsoMoment>;
}

export type MergedEntity = "people" | "organisations";

/** One merge of a duplicate into the record that survives (migration 0016, decision 032). */
export interface MergesTable {
  id: Generated<number>;
  entity: MergedEntity;
  survivor_id: number;
  merged_id: number;
  /** JSON: per field whose value changed, the survivor's value before and the value kept */
  fields: string;
  /** the versions the merge left both records at: an undo needs them unchanged */
  survivor_version: number;
  merged_version: number;
  merged_by: number | null;
  created_at: Defaulted<IsoMoment>;
  undone_at: IsoMoment | null;
  undone_by: number | null;
}

/** A row a merge changed, whole, before and after: what its undo puts back. */
export interface MergeRowsTable {
  id: Generated<number>;
  merge_id: number;
  table_name: string;
  change: "updated" | "removed" | "added";
  before: string | null;
  after: string | null;
}

/** uploaded → previewing → previewed → importing → imported (→ undone); failed: an import that never committed. */
export const IMPORT_STATUSES = [
  "uploaded",
  "previewing",
  "previewed",
  "importing",
  "imported",
  "failed",
  "undone",
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** A spreadsheet upload and, once imported, what it created (migration 0014). */
export interface ImportBatchesTable extends Versioned {
  id: Generated<number>;
  file_name: string;
  status: Defaulted<ImportStatus>;
  /** JSON of the parsed file; null once imported or undone */
  content: string | null;
  row_count: number;
  /** JSON: column index → field or null */
  mapping: string | null;
  /** JSON of the preview's rows */
  preview: string | null;
  /** JSON: records created per kind */
  counts: string | null;
  created_by: number | null;
  imported_at: IsoMoment | null;
  imported_by: number | null;
  undone_at: IsoMoment | null;
  undone_by: number | null;
}

export type ImportedEntity = "organisations" | "people" | "affiliations" | "seats";

/** Every record an import created, at the version it created it. */
export interface ImportBatchRecordsTable {
  batch_id: number;
  entity: ImportedEntity;
  entity_id: number;
  version: number;
}

/** Another system's number for an organisation or person ("Relatienummer"). */
export interface ExternalIdsTable {
  id: Generated<number>;
  entity: "organisations" | "people";
  entity_id: number;
  source: string;
  value: string;
}

/** An interview sample drawn from a frozen panel (migration 0018): never changed or deleted. */
export interface InterviewSamplesTable {
  id: Generated<number>;
  wave_id: number;
  size: number;
  seed: number;
  /** the pseudo-random generator's name, as the method paragraph states it */
  prng: string;
  /** eligible panel members drawn from */
  population: number;
  /** JSON of SampleStratum[] (app/services/interview-sample.ts) */
  strata: string;
  drawn_at: Defaulted<IsoMoment>;
  drawn_by: number | null;
}

export interface InterviewSampleMembersTable {
  id: Generated<number>;
  sample_id: number;
  person_id: number;
  /** index into the sample's strata */
  stratum: number;
}

export interface Database {
  regions: RegionsTable;
  subregions: SubregionsTable;
  sectors: SectorsTable;
  organisations: OrganisationsTable;
  organisation_subregions: OrganisationSubregionsTable;
  organisation_regions: OrganisationRegionsTable;
  people: PeopleTable;
  person_emails: PersonEmailsTable;
  consents: ConsentsTable;
  affiliations: AffiliationsTable;
  themes: ThemesTable;
  bodies: BodiesTable;
  body_subregions: BodySubregionsTable;
  plans: PlansTable;
  plan_subregions: PlanSubregionsTable;
  plan_funding_markers: PlanFundingMarkersTable;
  theme_leads: ThemeLeadsTable;
  seats: SeatsTable;
  saved_searches: SavedSearchesTable;
  meeting_series: MeetingSeriesTable;
  meetings: MeetingsTable;
  meeting_invitations: MeetingInvitationsTable;
  attendance: AttendanceTable;
  calendar_feeds: CalendarFeedsTable;
  survey_waves: SurveyWavesTable;
  panel_members: PanelMembersTable;
  wave_messages: WaveMessagesTable;
  mailings: MailingsTable;
  mail_outbox: MailOutboxTable;
  panel_responses: PanelResponsesTable;
  request_limits: RequestLimitsTable;
  settings: SettingsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  suppressed_addresses: SuppressedAddressesTable;
  merges: MergesTable;
  merge_rows: MergeRowsTable;
  duplicate_dismissals: DuplicateDismissalsTable;
  import_batches: ImportBatchesTable;
  import_batch_records: ImportBatchRecordsTable;
  external_ids: ExternalIdsTable;
  interview_samples: InterviewSamplesTable;
  interview_sample_members: InterviewSampleMembersTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Session = Selectable<SessionsTable>;
export type AuditEntry = Selectable<AuditLogTable>;

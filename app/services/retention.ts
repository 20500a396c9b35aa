/**
 * The retention period: how long a person stays in the register after their last job or seat ended
 * (or, with none ever, after their record was made) before the retention page offers them for review.
 * Pure and browser-safe: the page's field and the server's setting read the months the same way.
 */

export const DEFAULT_RETENTION_MONTHS = 24;
export const MIN_RETENTION_MONTHS = 1;
/** twenty years: anything longer is not a retention period */
export const MAX_RETENTION_MONTHS = 240;

/** The URL parameters of the retention page. */
export const RETENTION_PARAMS = { months: "maanden", includeArchived: "gearchiveerd", selectAll: "alles" } as const;

/** The retention page's address for a period and the archive choice (where Annuleren and the notices go). */
export function retentionListPath(months: number, includeArchived: boolean): string {
  const params = new URLSearchParams({ [RETENTION_PARAMS.months]: String(months) });
  if (includeArchived) params.set(RETENTION_PARAMS.includeArchived, "1");
  return `/beheer/bewaartermijn?${params}`;
}

/** A KRING_RETENTION_MONTHS the server cannot use: it stops at start with this message. */
export class RetentionSettingError extends Error {}

/** A whole number of months within the allowed range, or null. */
export function retentionMonthsOf(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,4}$/.test(trimmed)) return null;
  const months = Number(trimmed);
  return months >= MIN_RETENTION_MONTHS && months <= MAX_RETENTION_MONTHS ? months : null;
}

/** KRING_RETENTION_MONTHS, checked; unset or empty gives the default of 24 months. */
export function retentionMonthsFrom(env: Partial<Record<string, string>>): number {
  const setting = env.KRING_RETENTION_MONTHS?.trim();
  if (!setting) return DEFAULT_RETENTION_MONTHS;
  const months = retentionMonthsOf(setting);
  if (months === null)
    throw new RetentionSettingError(
      `KRING_RETENTION_MONTHS must be a whole number of months from ${MIN_RETENTION_MONTHS} to ${MAX_RETENTION_MONTHS}, not "${setting}".`,
    );
  return months;
}

/**
 * The day `months` months before `today` (ISO days). A day the earlier month lacks becomes its last
 * day: 24 months before 2026-02-28 is 2024-02-28, 6 months before 2026-08-31 is 2026-02-28.
 */
export function retentionCutoff(today: string, months: number): string {
  const [year = 0, month = 1, day = 1] = today.split("-").map(Number);
  const monthIndex = year * 12 + (month - 1) - months;
  const cutoffYear = Math.floor(monthIndex / 12);
  const cutoffMonth = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(cutoffYear, cutoffMonth, 0)).getUTCDate();
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  return `${pad(cutoffYear, 4)}-${pad(cutoffMonth)}-${pad(Math.min(day, lastDay))}`;
}

/** What the page's address asks for: the months to review by (as typed, with whether it is usable) and the archive. */
export interface RetentionQuery {
  months: number;
  /** the months as typed, to show back in the field */
  typedMonths: string;
  monthsInvalid: boolean;
  includeArchived: boolean;
  selectAll: boolean;
}

export function retentionQueryFrom(params: URLSearchParams, configuredMonths: number): RetentionQuery {
  const typed = params.get(RETENTION_PARAMS.months);
  const months = typed === null || typed.trim() === "" ? configuredMonths : retentionMonthsOf(typed);
  return {
    months: months ?? configuredMonths,
    typedMonths: typed ?? String(configuredMonths),
    monthsInvalid: months === null,
    includeArchived: params.get(RETENTION_PARAMS.includeArchived) === "1",
    selectAll: params.get(RETENTION_PARAMS.selectAll) === "1",
  };
}

/** A person on the retention list, as the page shows them. */
export interface ReviewRow {
  id: number;
  version: number;
  first_name: string | null;
  infix: string | null;
  last_name: string;
  initials: string | null;
  title: string | null;
  archived: boolean;
  /** the day their last job or seat ended; null when they never had one */
  lastEnd: string | null;
  lastOrganisation: string | null;
  lastBody: string | null;
  inFrozenPanel: boolean;
}

/** A person as the bulk forms carry them: their id and the version the reviewer saw (`12.3`). */
export interface SelectedPerson {
  id: number;
  version: number;
}

export const selectionValue = ({ id, version }: SelectedPerson) => `${id}.${version}`;

/** The people a bulk form names, each once; values that are not `id.version` are left out. */
export function selectionFrom(values: readonly unknown[]): SelectedPerson[] {
  const seen = new Map<number, SelectedPerson>();
  for (const value of values) {
    const match = typeof value === "string" ? /^(\d{1,15})\.(\d{1,15})$/.exec(value) : null;
    if (!match) continue;
    const id = Number(match[1]);
    if (id > 0 && !seen.has(id)) seen.set(id, { id, version: Number(match[2]) });
  }
  return [...seen.values()];
}

/** Reading list state (page, filters) from the URL, so lists are shareable and the back button works. */
export const PAGE_SIZE = 25;

/** Far beyond any list's last page, and small enough that page × size stays a safe integer for SQL. */
const MAX_PAGE = 1_000_000;

export function pageFrom(params: URLSearchParams): number {
  const page = Number(params.get("pagina"));
  return Number.isInteger(page) && page > 0 ? Math.min(page, MAX_PAGE) : 1;
}

/** The largest id a table can hold (PostgreSQL's integer): a larger number in the URL names no record. */
const MAX_ID = 2_147_483_647;

export function positiveIntFrom(params: URLSearchParams, name: string): number | undefined {
  const value = Number(params.get(name));
  return Number.isInteger(value) && value > 0 && value <= MAX_ID ? value : undefined;
}

export function oneOf<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]): T | undefined {
  const value = params.get(name);
  return (allowed as readonly string[]).includes(value ?? "") ? (value as T) : undefined;
}

/** The one name of the sort parameter on every list. */
export const SORT_PARAM = "sortering";
/** The name two lists used before; links with it keep working. */
const FORMER_SORT_PARAM = "sorteer";

/** The order the URL asks for, as written. */
export function askedSort(params: URLSearchParams): string | null {
  return params.get(SORT_PARAM) ?? params.get(FORMER_SORT_PARAM);
}

/** The list's order asked for in the URL, if it is one the list offers. */
export function sortFrom<T extends string>(params: URLSearchParams, allowed: readonly T[]): T | undefined {
  const asked = askedSort(params);
  return (allowed as readonly string[]).includes(asked ?? "") ? (asked as T) : undefined;
}

export function paging(total: number, page: number, pageSize = PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(page, pages);
  return {
    page: current,
    pages,
    total,
    from: total === 0 ? 0 : (current - 1) * pageSize + 1,
    to: Math.min(total, current * pageSize),
    offset: (current - 1) * pageSize,
    limit: pageSize,
  };
}

/** Reading list state (page, filters) from the URL, so lists are shareable and the back button works. */
export const PAGE_SIZE = 25;

export function pageFrom(params: URLSearchParams): number {
  const page = Number(params.get("pagina"));
  return Number.isInteger(page) && page > 0 ? page : 1;
}

export function positiveIntFrom(params: URLSearchParams, name: string): number | undefined {
  const value = Number(params.get(name));
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

export function oneOf<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]): T | undefined {
  const value = params.get(name);
  return (allowed as readonly string[]).includes(value ?? "") ? (value as T) : undefined;
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

/**
 * The record id in a route's URL (/themas/12): a positive whole number, or the page does not
 * exist. Thrown as a 404 response, so "/themas/abc" reads like any unknown address.
 */
export function recordIdParam(value: string | undefined): number {
  const id = Number(value);
  if (!value || !/^\d+$/.test(value) || !Number.isSafeInteger(id) || id <= 0) {
    throw new Response(null, { status: 404, statusText: "Not Found" });
  }
  return id;
}

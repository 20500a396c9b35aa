/**
 * The region a create form chose (decision 040): its id, 0 for a value that is no id (the model
 * refuses it as "choose a region"), null when the post has no region field (then the first region).
 * Safe for the browser bundle.
 */
export function regionIdFrom(formData: FormData): number | null {
  const value = formData.get("region_id");
  if (value === null) return null;
  return typeof value === "string" && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : 0;
}

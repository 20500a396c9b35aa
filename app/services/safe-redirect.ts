const PROBE_ORIGIN = "http://kring.invalid";

/**
 * A redirect target from user input, kept inside this app: a path, never another host.
 * Resolved the way a browser would (which strips tabs and newlines and reads "\" as "/"),
 * so "/\t/evil.example" cannot slip through as a protocol-relative URL.
 */
export function safeRedirectPath(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(target, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  return url.pathname + url.search + url.hash;
}

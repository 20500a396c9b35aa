import type { LoaderFunctionArgs } from "@remix-run/node";

/** Unknown addresses answer 404 inside the layout, in the reader's language (the root error boundary). */
export function loader(_args: LoaderFunctionArgs): never {
  throw new Response(null, { status: 404, statusText: "Not Found" });
}

export default function NotFound() {
  return null;
}

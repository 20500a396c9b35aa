import type { AppLoadContext, EntryContext, HandleDataRequestFunction, HandleErrorFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { NonceContext } from "./components/nonce";
import { logger, requestPath } from "./server/log";

/**
 * What every page and every loader's data carries: a session extended during this request renews its
 * cookie; and nothing is kept by a browser's or proxy's cache (pages show personal data, and a shared
 * computer's back button must not show the register after logging out), unless the response says
 * otherwise itself.
 */
function finishHeaders(headers: Headers, context: AppLoadContext) {
  if (context.auth.setCookie) headers.append("Set-Cookie", context.auth.setCookie);
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", "private, no-store");
}

/** A loader's, action's or render's error, as one log line (a request the client gave up on is not an error). */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  logger.error("Fout bij een verzoek", {
    method: request.method,
    path: requestPath(new URL(request.url).pathname),
    error,
  });
};

export const handleDataRequest: HandleDataRequestFunction = (response, { context }) => {
  finishHeaders(response.headers, context);
  return response;
};

/**
 * Pages are rendered whole, not streamed: no loader defers data and no component suspends, so a
 * stream would only cut the same page into many small writes (React flushes every 2 KB), which
 * cost the server more than the page itself on a long roster.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  finishHeaders(responseHeaders, loadContext);
  const nonce = loadContext.cspNonce;
  const html = renderToString(
    <NonceContext.Provider value={nonce}>
      <RemixServer context={remixContext} url={request.url} nonce={nonce} />
    </NonceContext.Provider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(`<!DOCTYPE html>${html}`, { headers: responseHeaders, status: responseStatusCode });
}

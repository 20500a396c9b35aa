import type { AppLoadContext, EntryContext, HandleDataRequestFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { NonceContext } from "./components/nonce";

/** A session extended during this request renews its cookie, whatever kind of response carries it. */
function renewSessionCookie(headers: Headers, context: AppLoadContext) {
  if (context.auth.setCookie) headers.append("Set-Cookie", context.auth.setCookie);
}

export const handleDataRequest: HandleDataRequestFunction = (response, { context }) => {
  renewSessionCookie(response.headers, context);
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
  renewSessionCookie(responseHeaders, loadContext);
  const nonce = loadContext.cspNonce;
  const html = renderToString(
    <NonceContext.Provider value={nonce}>
      <RemixServer context={remixContext} url={request.url} nonce={nonce} />
    </NonceContext.Provider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(`<!DOCTYPE html>${html}`, { headers: responseHeaders, status: responseStatusCode });
}

import { useNavigate } from "@remix-run/react";
import type { MouseEvent, ReactNode } from "react";

/**
 * A region with many links (a roster of hundreds of rows) written as plain anchors: a <Link>
 * per row runs several hooks per link, which at that size is most of the page's render time.
 * One click handler on the region navigates inside the app as a <Link> would (new tabs,
 * modifier keys and other sites are left to the browser); without JavaScript they are ordinary
 * links. Keyboard users lose nothing: Enter on an anchor is a click.
 */
export function PlainLinks({ children, className }: { children: ReactNode; className?: string }) {
  const navigate = useNavigate();
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.altKey ||
      event.ctrlKey ||
      event.shiftKey
    )
      return;
    const anchor = event.target instanceof Element ? event.target.closest("a") : null;
    if (!anchor || anchor.target || anchor.hasAttribute("download") || anchor.origin !== window.location.origin) return;
    event.preventDefault();
    navigate(anchor.pathname + anchor.search + anchor.hash);
  };
  return (
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions -- the clicks come from the anchors inside, which keyboards reach and press themselves
    <div className={className} onClick={onClick}>
      {children}
    </div>
  );
}

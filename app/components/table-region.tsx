import type { ReactNode } from "react";

/**
 * A table that may be wider (or taller) than the screen: it scrolls inside its own box, so the page
 * itself never scrolls sideways on a phone; printed, it shows whole.
 */
export function TableRegion({
  label,
  className = "overflow-x-auto print:overflow-visible",
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      className={className}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a region that scrolls must be reachable with Tab, or keyboard users cannot scroll it (WCAG 2.1.1)
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      {children}
    </div>
  );
}

import { useSyncExternalStore } from "react";

const unchanging = () => () => {};
const inTheServersHtml = () => false;
const always = () => true;

/**
 * True once the page's script runs in the browser and `check` holds there; false in the server's
 * HTML, so the page without JavaScript (and the first render, which must match it) leaves out what
 * needs the script: a copy button, keyboard shortcuts, a combobox's ARIA roles.
 */
export function useInBrowser(check: () => boolean = always): boolean {
  return useSyncExternalStore(unchanging, check, inTheServersHtml);
}

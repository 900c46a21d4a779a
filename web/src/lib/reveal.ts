/**
 * Brings a heading into view and gives it focus, so the eye and a screen
 * reader both land on what just appeared (a split after saving, a table
 * a link pointed at), not where the screen happened to be.
 */
export function reveal(el: HTMLElement | null | undefined) {
  if (!el) return;
  if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
  // jsdom has no scrolling
  el.scrollIntoView?.({ block: "start" });
  el.focus({ preventScroll: true });
}

/**
 * A tooltip with the full text for a name its ellipsis cut (issue 14): a role's profile name, a section's title.
 * Decided when the pointer comes over it, from its box (text wider than the room it has), so a name that fits has
 * no tooltip repeating it. One listener on the popup, so every kind of row gets it. Screen readers already have the
 * whole name: it is the option's accessible name.
 */
const CUT = '.name, .section .title';

export function titleIfTruncated(event: MouseEvent): void {
  const target = event.target instanceof Element ? event.target.closest<HTMLElement>(CUT) : null;
  if (!target) return;
  if (target.scrollWidth > target.clientWidth) target.title = target.textContent ?? '';
  else target.removeAttribute('title');
}

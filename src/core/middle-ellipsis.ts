/**
 * A name cut in the middle, keeping its start and its end (`mfa-admin-prod…eu-central-1`): profile names tend to
 * differ at either end (the team or the role first, the stage or the region last), so an ellipsis at the end alone
 * can make two roles look the same. Counted in characters, not UTF-16 units, so no emoji is split.
 */
export function middleEllipsis(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const keep = Math.max(max - 1, 2);
  const head = Math.ceil(keep / 2);
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (keep - head)).join('')}`;
}

/**
 * The role's colour (AESR's `color`) or image (AESR's `image`), so accounts are told apart at a glance. Only
 * inline images are shown (the parser drops any other, and the page's CSP allows no other): a configuration line
 * must not make the popup fetch anything, or it would tell its author each time the popup opens.
 */
import type { RoleSummary } from '../src/messages';

const SAFE_IMAGE = /^data:image\/(png|gif|jpeg|webp);base64,/i;

export function Swatch({ role }: { role: RoleSummary }) {
  if (role.image !== undefined && SAFE_IMAGE.test(role.image)) {
    return <img class="swatch image" src={role.image} alt="" width={20} height={20} loading="lazy" referrerpolicy="no-referrer" />;
  }
  return <span class="swatch" aria-hidden="true" style={role.color ? { background: role.color } : undefined} />;
}

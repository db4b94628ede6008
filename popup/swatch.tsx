/**
 * The role's colour (AESR's `color`) or image (AESR's `image`), so accounts are told apart at a glance. Only
 * https and inline image URLs are loaded: a configuration line must not make the popup fetch from anywhere else.
 */
import type { RoleSummary } from '../src/messages';

const SAFE_IMAGE = /^(https:\/\/|data:image\/(png|gif|jpeg|webp);base64,)/i;

export function Swatch({ role }: { role: RoleSummary }) {
  if (role.image !== undefined && SAFE_IMAGE.test(role.image)) {
    return <img class="swatch image" src={role.image} alt="" width={20} height={20} loading="lazy" referrerpolicy="no-referrer" />;
  }
  return <span class="swatch" aria-hidden="true" style={role.color ? { background: role.color } : undefined} />;
}

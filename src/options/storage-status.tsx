/**
 * Where the saved configuration lives (sync or this computer) and how big it is, in words a person can act on: what
 * needs doing (stored on this computer only, a newer one arriving) in sight, the rest behind a disclosure, since the
 * save line already says where it went.
 */
import type { StoredConfigInfo } from '../messages';
import { Disclosure } from './disclosure';

export function StorageStatus({ stored, roleCount }: { stored: StoredConfigInfo; roleCount: number }) {
  const inSight = stored.area !== 'sync';
  return (
    <div class="storage">
      {(inSight || stored.arriving) && (
        <p aria-live="polite">
          {inSight && where(stored)}
          {stored.arriving && ' A newer configuration from another browser is still arriving; the last complete one is in use until it is all here.'}
        </p>
      )}
      {stored.area !== 'none' && (
        <Disclosure summary="Storage details">
          {!inSight && <p>{where(stored)}</p>}
          <p class="hint">
            {roleCount} {roleCount === 1 ? 'role' : 'roles'} saved. {kb(stored.textBytes)} of text, {kb(stored.syncBytes)} compressed
            (sync storage holds up to {kb(stored.syncLimitBytes)}).
          </p>
        </Disclosure>
      )}
    </div>
  );
}

/** Where a save went, as the save line says it: `synced to your other browsers`, `on this computer only (…)`. */
export function whereShort(stored: StoredConfigInfo): string {
  if (stored.area === 'sync') return 'synced to your other browsers';
  switch (stored.localReason) {
    case 'too-large':
      return 'on this computer only (too large to sync)';
    case 'kept-local':
      return 'on this computer only (sync holds another browser\u2019s configuration)';
    default:
      return 'on this computer only (sync refused it; save again later)';
  }
}

function where(stored: StoredConfigInfo): string {
  if (stored.area === 'none') return 'Nothing saved yet.';
  if (stored.area === 'sync') return 'Stored in sync storage: follows you to other browsers.';
  switch (stored.localReason) {
    case 'too-large':
      return `Too large for sync (${kb(stored.syncBytes)} compressed); stored on this computer only.`;
    case 'kept-local':
      return 'Stored on this computer only: sync storage holds the configuration of another browser. Save to make this one follow you.';
    default:
      return 'Sync storage refused the last save; stored on this computer only. Save again later to sync it.';
  }
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

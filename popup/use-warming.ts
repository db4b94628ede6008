/**
 * Asks the worker to open the connections a click will need (issue 16, src/background/warming/), so the click pays
 * only AWS's own round trips: once the list has painted (for the active row, the recent roles and the favourites),
 * and again for a row the keyboard or the pointer rests on. Nothing waits for the answer and nothing shows it.
 */
import { useEffect, useRef } from 'preact/hooks';
import { send, type RoleSummary } from '../src/messages';
import { afterNextPaint } from './paint-marks';
import type { Row } from './sections';

/** A row the keyboard or pointer stays on this long is where the person is going; passing over rows asks nothing. */
export const REST_MS = 150;

export function useWarming(rows: readonly Row[], roles: readonly RoleSummary[], active: number): void {
  const row = rows[active];
  const profile = row?.kind === 'role' ? roles[row.index]?.profile : undefined;
  const asked = useRef(false);

  // The active row: at once after the list's first paint, then where the keyboard rests.
  useEffect(() => {
    if (profile === undefined) return undefined;
    let live = true;
    const ask = () => {
      if (live) warm(profile);
    };
    if (!asked.current) {
      asked.current = true;
      afterNextPaint(ask);
      return () => {
        live = false;
      };
    }
    const timer = setTimeout(ask, REST_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [profile]);

  // Where the pointer rests: a role's row carries its profile (role-option.tsx); headers and skipped profiles do not.
  useEffect(() => {
    let over: string | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onOver = (event: PointerEvent) => {
      const option = event.target instanceof Element ? event.target.closest('[role="option"]') : null;
      const name = option?.getAttribute('data-profile') ?? undefined;
      if (name === over) return;
      over = name;
      clearTimeout(timer);
      if (name !== undefined) timer = setTimeout(() => warm(name), REST_MS);
    };
    document.addEventListener('pointerover', onOver);
    return () => {
      document.removeEventListener('pointerover', onOver);
      clearTimeout(timer);
    };
  }, []);
}

function warm(profile: string): void {
  void send('connections.warm', { profile });
}

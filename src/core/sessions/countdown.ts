/**
 * Time left, as people read it: a countdown (mm:ss under an hour, h:mm from an hour up) for the popup and the
 * console bar, and a short badge text (the toolbar badge fits about four characters).
 */
import type { SessionStatus } from './model';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** `mm:ss` under an hour (`04:59`), `h:mm` from an hour up (`1:00`, `11:59`); whole units, rounded down; `00:00` when over. */
export function formatCountdown(msLeft: number): string {
  const ms = Number.isFinite(msLeft) ? Math.max(0, msLeft) : 0;
  if (ms < HOUR) {
    const seconds = Math.floor(ms / SECOND);
    return `${pad(Math.floor(seconds / 60))}:${pad(seconds % 60)}`;
  }
  const minutes = Math.floor(ms / MINUTE);
  return `${Math.floor(minutes / 60)}:${pad(minutes % 60)}`;
}

/** The same time in words, for screen readers and tooltips: "1 h 05 min", "4 min 59 s". */
export function spokenCountdown(msLeft: number): string {
  const text = formatCountdown(msLeft);
  const [a = '0', b = '00'] = text.split(':');
  return msLeft >= HOUR ? `${a} h ${b} min` : `${Number(a)} min ${b} s`;
}

/** Minutes left as the badge shows them: rounded up, so a live session never reads 0. */
export function minutesLeft(msLeft: number): number {
  return Math.max(0, Math.ceil(msLeft / MINUTE));
}

/** The badge of a console tab: `42m` up to 99 minutes, then whole hours (`11h`); `exp` when over, `old` when replaced. */
export function badgeText(status: SessionStatus, msLeft: number): string {
  if (status === 'replaced') return 'old';
  if (status === 'expired' || status === 'refused' || msLeft <= 0) return 'exp';
  const minutes = minutesLeft(msLeft);
  return minutes < 100 ? `${minutes}m` : `${Math.floor(minutes / 60)}h`;
}

const NO_COLOUR = '#0972d3';
const EXPIRED_COLOUR = '#a61b10';
const REPLACED_COLOUR = '#545b64';

/** The badge colour: the role's colour while live, else a colour that says "not signed in here any more". */
export function badgeColour(status: SessionStatus, colour: string | undefined, msLeft: number): string {
  if (status === 'replaced') return REPLACED_COLOUR;
  if (status !== 'live' || msLeft <= 0) return EXPIRED_COLOUR;
  return colour ?? NO_COLOUR;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

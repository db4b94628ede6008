/**
 * Time left, as people read it: a countdown with its units written out (`1 h 05 m`, `4 m 59 s`, `42 s`) for the
 * popup, the console bar and the warning, and a short badge text (the toolbar badge fits about four characters).
 * Never a bare `h:mm` or `mm:ss`: "1:59" (two hours) and "59:59" (one) read alike, and people took minutes for hours.
 */
import type { SessionStatus } from './model';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * The end of a session nobody told: a console switch (the console says nothing about how long a switched session
 * lasts). No countdown, badge number, warning or expiry is shown or scheduled for it; it is never made up.
 */
export const UNKNOWN_EXPIRY = Number.MAX_SAFE_INTEGER;

/** True for the time left to `UNKNOWN_EXPIRY` (any real session ends within days). */
export function timeUnknown(msLeft: number): boolean {
  return msLeft > UNKNOWN_EXPIRY / 2;
}

/**
 * `1 h 05 m` from an hour up, `4 m 59 s` under an hour, `42 s` under a minute; whole units, rounded down; `0 s`
 * when over. The smaller unit has two digits, so the text keeps its width while it counts down.
 */
export function formatCountdown(msLeft: number): string {
  const { hours, minutes, seconds } = parts(msLeft);
  if (hours > 0) return `${hours} h ${pad(minutes)} m`;
  if (minutes > 0) return `${minutes} m ${pad(seconds)} s`;
  return `${seconds} s`;
}

/** The same time in words, for screen readers and tooltips: "1 h 05 min", "4 min 59 s", "42 s". */
export function spokenCountdown(msLeft: number): string {
  const { hours, minutes, seconds } = parts(msLeft);
  if (hours > 0) return `${hours} h ${pad(minutes)} min`;
  if (minutes > 0) return `${minutes} min ${pad(seconds)} s`;
  return `${seconds} s`;
}

function parts(msLeft: number): { hours: number; minutes: number; seconds: number } {
  const total = Math.floor((Number.isFinite(msLeft) ? Math.max(0, msLeft) : 0) / SECOND);
  return { hours: Math.floor(total / 3600), minutes: Math.floor(total / 60) % 60, seconds: total % 60 };
}

/** Minutes left as the badge shows them: rounded up, so a live session never reads 0. */
export function minutesLeft(msLeft: number): number {
  return Math.max(0, Math.ceil(msLeft / MINUTE));
}

/** The badge of a console tab: `42m` up to 99 minutes, then whole hours (`11h`); `exp` when over, `old` when replaced. */
export function badgeText(status: SessionStatus, msLeft: number): string {
  if (status === 'replaced') return 'old';
  if (status === 'expired' || status === 'refused' || msLeft <= 0) return 'exp';
  if (timeUnknown(msLeft)) return '';
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

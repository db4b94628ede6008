/**
 * Which way a sign-in goes when a role could go two ways (issue 13): with keys (AssumeRole and the federation: a new
 * console session with a timer) or through the console tab in front (its own switch-role: that tab switches, no
 * timer). A role with no keys for its source goes through the console whenever a console tab can stand in; a role
 * with keys AND on the console's offer goes the person's default way (a setting, keys unless they chose otherwise),
 * and Alt+click or Alt+Enter asks for the other way for that one click. Pure: the worker and the popup both decide
 * with it, so what the row says is what the click does.
 */

export type SignInWay = 'keys' | 'console';

export const DEFAULT_WAY: SignInWay = 'keys';

export function otherWay(way: SignInWay): SignInWay {
  return way === 'keys' ? 'console' : 'keys';
}

export interface WayFacts {
  /** The role's root source has keys in the vault (or the vault is locked: unknown, so the key path asks to unlock). */
  keys: boolean;
  /** The console in front can switch to the role (on its offer, of its partition, no external id). */
  offered: boolean;
  /** What the click asked for (Alt: the other way); undefined: decide. */
  asked?: SignInWay | undefined;
  /** The person's default for roles that could go either way. */
  preferred: SignInWay;
}

/**
 * The way for a role a console tab could stand in for: asked wins (keys: never the console; console: the console
 * even with keys); without keys, the console (which says plainly when the role is not one switch away); with keys,
 * the default when the console offers the role, else keys.
 */
export function signInWay(facts: WayFacts): SignInWay {
  if (facts.asked !== undefined) return facts.asked;
  if (!facts.keys) return 'console';
  return facts.offered ? facts.preferred : 'keys';
}

/**
 * The way a popup click asks for: only a role that could go either way has another way to ask for, and only with
 * Alt; otherwise nothing is asked and the worker decides as the row says.
 */
export function askedWay(plain: SignInWay | undefined, alt: boolean): SignInWay | undefined {
  return alt && plain !== undefined ? otherWay(plain) : undefined;
}

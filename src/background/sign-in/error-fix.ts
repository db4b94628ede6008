/**
 * A failed sign-in names what can mend it (`AppError.fix`) and what it is about: the source whose keys to add or
 * replace, or the profile to open. The popup then offers that action, and Retry only where retrying can help.
 */
import { fixOf } from '../../core/app-error';
import type { ConfigModel } from '../../core/config/index';
import { SignInError } from './sign-in-error';

export function withFix(error: unknown, config: ConfigModel | undefined, profile: string): unknown {
  if (!(error instanceof SignInError)) return error;
  const fix = fixOf(error);
  if (fix === undefined || fix === 'retry') {
    if (fix === 'retry') error.fix = 'retry';
    return error;
  }
  error.fix = fix;
  const source = config?.roles.find((role) => role.name === profile)?.chain[0];
  // Keys belong to the chain's root source; anything else is about the profile clicked, unless the error named the
  // profile of the chain that needs mending (a hop written with an account alias).
  error.subject = fix === 'keys' && source !== undefined ? source : fix === 'profile' && error.subject !== undefined ? error.subject : profile;
  return error;
}

/**
 * Every network step of a sign-in has a deadline, so the popup never spins forever. The SDK retries inside the
 * deadline (throttling, 5xx); past it the step fails with a sentence that says which step and what to do.
 */
import type { SignInStep } from '../../messages';
import { SignInError } from './sign-in-error';

/** Long enough for the SDK's three attempts with backoff on a slow network; short enough for a person. */
export const STEP_TIMEOUT_MS = 20_000;

const STEP_TEXT: Record<SignInStep, string> = {
  unlocking: 'unlocking the vault',
  'getting-session': 'getting an MFA session from AWS STS',
  'sso-approve': 'signing in to IAM Identity Center',
  'getting-role-credentials': 'getting the role credentials from IAM Identity Center',
  'assuming-role': 'assuming the role with AWS STS',
  'getting-token': 'getting a sign-in token from the AWS sign-in endpoint',
  'opening-console': 'opening the console',
};

/** Runs `work` with an AbortSignal that fires after the step's deadline; a timeout becomes a `timeout` error. */
export async function withStepTimeout<T>(step: SignInStep, work: (signal: AbortSignal) => Promise<T>, timeoutMs = STEP_TIMEOUT_MS): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await work(controller.signal);
  } catch (error) {
    if (controller.signal.aborted) {
      throw new SignInError('timeout', `AWS did not answer in ${Math.round(timeoutMs / 1000)} seconds while ${STEP_TEXT[step]}. Check your network and try again.`);
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

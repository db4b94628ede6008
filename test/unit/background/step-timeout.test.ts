import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../fakes/browser')).fakeBrowser }));
const { withStepTimeout } = await import('../../../src/background/sign-in/step-timeout');

describe('step deadlines', () => {
  it('turns a step that never answers into a timeout sentence', async () => {
    const never = (signal: AbortSignal) => new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
    await expect(withStepTimeout('getting-token', never, 20)).rejects.toMatchObject({
      code: 'timeout',
      message: 'AWS did not answer in 0 seconds while getting a sign-in token from the AWS sign-in endpoint. Check your network and try again.',
    });
  });

  it('passes results and other errors through', async () => {
    await expect(withStepTimeout('assuming-role', () => Promise.resolve(7), 1_000)).resolves.toBe(7);
    await expect(withStepTimeout('assuming-role', () => Promise.reject(new Error('boom')), 1_000)).rejects.toThrow('boom');
  });
});

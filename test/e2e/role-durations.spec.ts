/**
 * A role asked for more than its MaxSessionDuration is refused, then retried. What AWS accepted and refused is
 * remembered per role ARN (`roles.durations`), so the next sign-in asks once: no refusal first. The Operator role
 * allows 4 h: once 4 h was accepted, an 8 h ask gets 4 h at once, not 1 h.
 */
import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from '../launch/browser';
import { preload } from '../launch/preload';
import type { Sandbox } from '../sandbox/index';
import { ALICE } from '../sandbox/seed';
import { expect, sendFrom, test, TEST_PASSPHRASE } from './fixtures';

const CONFIG = `
[alice]

[readonly-8h]
role_arn = arn:aws:iam::333333333333:role/ReadOnly
source_profile = alice
duration_seconds = 28800

[operator-8h]
role_arn = arn:aws:iam::333333333333:role/Operator
source_profile = alice
duration_seconds = 28800

[operator-4h]
role_arn = arn:aws:iam::333333333333:role/Operator
source_profile = alice
duration_seconds = 14400
`;

interface Answer {
  ok: boolean;
  value?: { durationSeconds: number; notes: string[] };
  error?: { message: string };
}

async function ready(extension: ExtensionBrowser): Promise<Page> {
  await preload(extension, { configText: CONFIG, source: 'alice', accessKeyId: ALICE.accessKeyId, secretAccessKey: ALICE.secretAccessKey, passphrase: TEST_PASSPHRASE });
  return extension.openPage('src/options/index.html');
}

/** Signs in as the popup does, and returns the answer with the AssumeRole calls it made (`<status> <error>`). */
async function signIn(page: Page, sandbox: Sandbox, profile: string): Promise<{ answer: Answer; calls: string[] }> {
  const before = sandbox.state.requests.length;
  const answer = (await sendFrom(page, 'signIn', { profile, openIn: 'new-tab' })) as Answer;
  const calls = sandbox.state.requests.slice(before).filter((r) => r.action === 'AssumeRole').map((r) => `${r.status} ${r.error ?? ''}`.trim());
  return { answer, calls };
}

test('ReadOnly (max 1 h) asked for 8 h: refused and retried the first time, asked once at 1 h the second', async ({ extension, sandbox }) => {
  const page = await ready(extension);
  const first = await signIn(page, sandbox, 'readonly-8h');
  expect(first.answer.value?.durationSeconds).toBe(3_600);
  expect(first.calls).toEqual(['400 ValidationError', '200']);

  const second = await signIn(page, sandbox, 'readonly-8h');
  expect(second.answer.value?.durationSeconds).toBe(3_600);
  expect(second.calls).toEqual(['200']);
  expect(second.answer.value?.notes.join(' ')).toMatch(/refused 8 h before \(its MaxSessionDuration\), so this session lasts 1 h, the longest it accepted/);
});

test('Operator (max 4 h): once 4 h was accepted, an 8 h ask is retried at 4 h, then asked once at 4 h', async ({ extension, sandbox }) => {
  const page = await ready(extension);
  const accepted = await signIn(page, sandbox, 'operator-4h');
  expect(accepted.calls).toEqual(['200']);
  expect(accepted.answer.value?.durationSeconds).toBe(14_400);

  const refused = await signIn(page, sandbox, 'operator-8h');
  expect(refused.calls).toEqual(['400 ValidationError', '200']);
  expect(refused.answer.value?.durationSeconds).toBe(14_400);
  expect(refused.answer.value?.notes.join(' ')).toMatch(/shorter than the 8 h asked for \(its MaxSessionDuration\), so this session lasts 4 h/);

  const known = await signIn(page, sandbox, 'operator-8h');
  expect(known.calls).toEqual(['200']);
  expect(known.answer.value?.durationSeconds).toBe(14_400);
});

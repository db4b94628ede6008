/**
 * Warming in Firefox ESR (issue 16), as `test/e2e/warming.spec.ts` proves it in Chromium: opening the popup opens
 * connections to the active role's STS and sign-in hosts with bare `HEAD /` requests (no credential, no cookie of
 * the browser's, nothing of the person's: warming-check.ts), and the click's AssumeRole and getSigninToken then go
 * on those very connections. Firefox partitions its connections too (`privacy.partition.network_state`); this is
 * what it allows an add-on's background and its SDK calls. Each Firefox connection reaches the sandbox through a
 * tunnel of its own (sandbox-proxy.ts), so the sandbox's connection ids are Firefox's connections.
 */
import { describe, expect, it } from 'vitest';
import { ALICE } from '../sandbox/seed';
import { WARMED, WARMING_CONFIG as CONFIG, warmingProblems } from '../sandbox/warming-check';
import { sendFrom, setCookie } from './extension-api';
import { firefoxOnSandbox } from './firefox-run';

const run = firefoxOnSandbox();

describe('Firefox: connections opened ahead', () => {
  it('opening the popup warms the active role\u2019s hosts with unsigned requests, and its sign-in takes those connections', async () => {
    const { sandbox } = run;
    // Connections stay open for as long as this test may take on a busy machine (the model's own knob).
    sandbox.state.keepAliveMs = 300_000;
    expect(await sendFrom(run.options, 'config.save', { text: CONFIG })).toMatchObject({ ok: true });
    expect(await sendFrom(run.options, 'vault.create', { passphrase: 'correct horse battery staple' })).toMatchObject({ ok: true });
    expect(await sendFrom(run.options, 'keys.set', { source: 'alice', accessKeyId: ALICE.accessKeyId, secretAccessKey: ALICE.secretAccessKey })).toMatchObject({ ok: true });
    // Cookies the browser holds for AWS's hosts (a console session has some): a warming request must send none.
    for (const url of WARMED.map((host) => `https://${host}/`)) await setCookie(run.options, url, 'aws-session', 'not-for-warming');
    // Cold: whatever saving the keys opened (GetCallerIdentity) is closed.
    sandbox.closeConnections();
    const before = sandbox.state.requests.length;
    const sinceOpening = () => sandbox.state.requests.slice(before);

    // The popup is a tab here (headless Firefox has no toolbar); its first row, dev, is the active one.
    const popup = await run.firefox.openPage('popup/index.html', '[role="option"][data-profile="dev"][aria-selected="true"]');
    await expect.poll(() => sinceOpening().map((request) => request.host).sort(), { timeout: 15_000 }).toEqual([...WARMED].sort());
    const warming = sinceOpening();
    expect(warming.flatMap(warmingProblems)).toEqual([]);
    const warmedOn = new Map(warming.map((request) => [request.host, request.connection]));

    await popup.click('[role="option"][data-profile="dev"]');
    await run.signedInTabs(1);
    const step = (action: string) => sinceOpening().find((request) => request.action === action);
    // The same connections: no new TCP or TLS handshake for them on the click's path.
    expect(step('AssumeRole')?.connection).toBe(warmedOn.get('sts.eu-west-1.amazonaws.com'));
    expect(step('getSigninToken')?.connection).toBe(warmedOn.get('eu-west-1.signin.aws.amazon.com'));
    // Every request before the sign-in's first was a warming one, and none went to a role nobody looked at.
    const firstSigned = sinceOpening().findIndex((request) => request.action === 'AssumeRole');
    expect(sinceOpening().slice(0, firstSigned).flatMap(warmingProblems)).toEqual([]);
    expect(sinceOpening().some((request) => request.host.includes('ap-southeast-2'))).toBe(false);
    await popup.close();
  });
});

/**
 * Run the sandbox by hand: `npx tsx test/sandbox/cli.ts [--port N] [--quiet] [--multi-session] [--network NAME]`,
 * then start Chromium with the printed flags. Runs until Ctrl-C. `--multi-session`: console multi-session mode for
 * browsers that have not chosen (each browser can still switch at https://console.aws.amazon.com/settings/multisession).
 * `--network aws-100ms` (or `aws-250ms`, `local`; default: the `AWS_SANDBOX_NETWORK` variable, else `local`): the
 * network the sandbox models (network.ts).
 */
import { networkProfile, startSandbox } from './index.js';
import { ALICE, BOB, ROLES } from './seed.js';
import { ACME, ACME_GOV, BIG, SSO_PASSWORD } from './sso-seed.js';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

const portText = argValue('--port');
const port = portText === undefined ? 0 : Number(portText);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got '${portText ?? ''}'`);
  process.exit(2);
}
const quiet = process.argv.includes('--quiet');
const multiSessionDefault = process.argv.includes('--multi-session');
const networkName = argValue('--network') ?? process.env.AWS_SANDBOX_NETWORK ?? 'local';
let network: ReturnType<typeof networkProfile>;
try {
  network = networkProfile(networkName);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}

const sandbox = await startSandbox({
  port,
  multiSessionDefault,
  network,
  log: quiet ? () => undefined : (line) => console.log(`[sandbox] ${line}`),
});

console.log(`AWS sandbox listening on https://127.0.0.1:${sandbox.port}
port:        ${sandbox.port}
spki hash:   ${sandbox.spkiHash}
host rules:  ${sandbox.hostResolverRules}

Chromium flags:
  --host-resolver-rules="${sandbox.hostResolverRules}"
  --ignore-certificate-errors-spki-list=${sandbox.spkiHash}

Seeded users (fake keys, valid only here):
  alice  ${ALICE.accessKeyId}  ${ALICE.secretAccessKey}  MFA ${ALICE.mfaSerial}
  bob    ${BOB.accessKeyId}  ${BOB.secretAccessKey}
Roles: ${Object.values(ROLES).join('\n       ')}
IAM Identity Center (password '${SSO_PASSWORD}'; approve at https://device.sso.<region>.amazonaws.com/?user_code=…):
  ${ACME.startUrl}  ${ACME.region}  user ${ACME.username}
  ${ACME_GOV.startUrl}  ${ACME_GOV.region}  user ${ACME_GOV.username}
  ${BIG.startUrl}  ${BIG.region}  user ${BIG.username} (${BIG.accountCount} accounts)
Console multi-session mode for new browsers: ${multiSessionDefault ? 'on' : 'off'} (per browser: https://console.aws.amazon.com/settings/multisession)
Network: ${networkName} (${network.latencyMs} ms per request, ${network.connectionSetupMs} ms per new connection, idle connections closed after ${network.keepAliveMs / 1000} s)

Ctrl-C to stop.`);

const stop = (): void => {
  void sandbox.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

/**
 * The access-key messages: list sources, check keys with GetCallerIdentity, save (checked first), remove.
 * The secret goes in and never comes back out: answers carry the access key id and the identity ARN only.
 */
import type { ConfigModel } from '../../../core/config/index';
import { VAULT_KEYS_FORBIDDEN } from '../../../core/managed-policy';
import { isMfaSerial } from '../../../core/mfa';
import { sourceEndpoint } from '../../../core/source-region';
import type { KeyIdentity } from '../../../messages';
import { loadManagedPolicy } from '../../config/managed';
import { loadConfig } from '../../config/store';
import type { HandlerMap } from '../../handler-map';
import { SignInError } from '../../sign-in/sign-in-error';
import { keyStatus, removeKeys, setKeys } from './source-keys';
import { callerError, getCallerIdentity } from '../../aws/sts-identity';

/** Long enough for the SDK's retries on a slow network, short enough for a person waiting on the page. */
const VERIFY_TIMEOUT_MS = 20_000;

/** AWS access key ids: AKIA (long-term) followed by upper-case letters and digits. */
const ACCESS_KEY_ID = /^AKIA[A-Z0-9]{12,124}$/;

export const keyHandlers: HandlerMap<'sources.list' | 'keys.verify' | 'keys.set' | 'keys.remove'> = {
  'sources.list': async () => ({ sources: await keyStatus(rootSources(await loadConfig())) }),
  'keys.verify': async (request) => verify(checkedKeys(request)),
  'keys.set': async (request) => {
    // An organisation that gives its people Identity Center may forbid long-term keys (core/managed-policy.ts).
    if ((await loadManagedPolicy())?.allowVaultKeys === false) throw new SignInError('forbidden-by-policy', VAULT_KEYS_FORBIDDEN);
    const keys = checkedKeys(request);
    const mfaSerial = request.mfaSerial?.trim() || undefined;
    if (mfaSerial !== undefined && !isMfaSerial(mfaSerial)) {
      throw new SignInError('bad-request', 'That MFA device does not look like one: paste its ARN, like arn:aws:iam::123456789012:mfa/alice.');
    }
    // Checked before saving: keys AWS does not accept are never stored.
    const identity = await verify(keys);
    return setKeys(keys.source, {
      accessKeyId: keys.accessKeyId,
      secretAccessKey: keys.secretAccessKey,
      arn: identity.arn,
      ...(mfaSerial !== undefined && { mfaSerial }),
    });
  },
  'keys.remove': async ({ source }) => removeKeys(field(source)),
};

interface CheckedKeys {
  source: string;
  accessKeyId: string;
  secretAccessKey: string;
}

function checkedKeys(request: { source: unknown; accessKeyId: unknown; secretAccessKey: unknown }): CheckedKeys {
  const source = field(request.source);
  const accessKeyId = field(request.accessKeyId);
  const secretAccessKey = field(request.secretAccessKey);
  if (source === '') throw new SignInError('bad-request', 'Name the source profile these keys belong to.');
  if (!ACCESS_KEY_ID.test(accessKeyId)) {
    throw new SignInError('bad-request', 'That access key id does not look like one: it starts with AKIA and has 20 capital letters and digits.');
  }
  if (secretAccessKey.length < 16 || /\s/.test(secretAccessKey)) {
    throw new SignInError('bad-request', 'That secret access key does not look like one: paste the 40-character secret without spaces.');
  }
  return { source, accessKeyId, secretAccessKey };
}

/** Messages are checked at run time too: a page could send anything. */
function field(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

async function verify(keys: CheckedKeys): Promise<KeyIdentity> {
  const { region } = sourceEndpoint(await loadConfig(), keys.source);
  const signal = AbortSignal.timeout(VERIFY_TIMEOUT_MS);
  try {
    return await getCallerIdentity(region, { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey }, signal);
  } catch (error) {
    if (signal.aborted) {
      throw new SignInError('timeout', `AWS did not answer in ${VERIFY_TIMEOUT_MS / 1000} seconds while checking the keys. Check your network and try again.`);
    }
    const name = error instanceof Error ? error.name : '';
    if (name === 'InvalidClientTokenId') {
      throw new SignInError('sts-error', 'AWS does not recognise this access key id: it may be mistyped, deleted or deactivated. Check it in IAM and try again.');
    }
    if (name === 'SignatureDoesNotMatch') {
      throw new SignInError('sts-error', 'AWS rejected the secret access key for this key id. Paste the secret again, exactly as IAM showed it.');
    }
    throw callerError(error, keys.source);
  }
}

/** The sources roles start from, plus the key sections of the configuration. */
function rootSources(model: ConfigModel): string[] {
  const roots = new Set<string>();
  for (const role of model.roles) {
    const root = role.chain[0];
    if (root !== undefined) roots.add(root);
  }
  for (const source of model.sources) if (source.kind === 'keys') roots.add(source.name);
  return [...roots].sort();
}

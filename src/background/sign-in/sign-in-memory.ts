/**
 * What sign-ins learn about AWS and keep for the next one, in `storage.local` (not secret): how the console login
 * is sent per partition (core/login-method.ts) and each role's known durations (core/duration-memory.ts). Read
 * once per sign-in, beside the configuration; what is stored is checked on every read.
 */
import { PARTITIONS, type Partition } from '../../core/arn';
import type { DurationMemory, KnownDurations } from '../../core/duration-memory';
import { MAX_DURATION, MIN_DURATION } from '../../core/durations';
import { isLoginMethod, type LoginMethod } from '../../core/login-method';
import { readStored, readStoredTogether, writeStored } from '../../platform/storage';

export type LoginMethods = Partial<Record<Partition, LoginMethod>>;

export interface SignInMemory {
  methods: LoginMethods;
  durations: DurationMemory;
}

export async function loadSignInMemory(): Promise<SignInMemory> {
  const stored = await readStoredTogether(['login.methods', 'roles.durations']);
  return { methods: checkedMethods(stored['login.methods']), durations: checkedDurations(stored['roles.durations']) };
}

/** Writes only a change: the usual sign-in confirms what is stored and writes nothing. */
export async function rememberMethod(partition: Partition, method: LoginMethod): Promise<void> {
  const methods = checkedMethods(await readStored('login.methods'));
  if (methods[partition] === method) return;
  await writeStored('login.methods', { ...methods, [partition]: method });
}

/** Merges what a chain learnt into what is stored now (another sign-in may have written meanwhile). */
export async function rememberDurations(learnt: DurationMemory): Promise<void> {
  const durations = checkedDurations(await readStored('roles.durations'));
  await writeStored('roles.durations', { ...durations, ...learnt });
}

function checkedMethods(value: unknown): LoginMethods {
  if (typeof value !== 'object' || value === null) return {};
  const methods: LoginMethods = {};
  for (const partition of PARTITIONS) {
    const method: unknown = Object.hasOwn(value, partition) ? (value as Record<string, unknown>)[partition] : undefined;
    if (isLoginMethod(method)) methods[partition] = method;
  }
  return methods;
}

function checkedDurations(value: unknown): DurationMemory {
  if (typeof value !== 'object' || value === null) return {};
  const durations: DurationMemory = {};
  for (const [arn, entry] of Object.entries(value as Record<string, unknown>)) {
    if (!arn.startsWith('arn:') || typeof entry !== 'object' || entry === null) continue;
    const known: KnownDurations = {};
    const { accepted, refused } = entry as Record<string, unknown>;
    if (isDuration(accepted)) known.accepted = accepted;
    if (isDuration(refused)) known.refused = refused;
    if (known.accepted !== undefined || known.refused !== undefined) durations[arn] = known;
  }
  return durations;
}

function isDuration(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_DURATION && value <= MAX_DURATION;
}

/**
 * A valid configuration that compresses badly (random account ids and role names), to reach the sync quota with
 * few profiles: 5,000 of them do not fit in 100 KB even compressed. For the fallback-to-local tests.
 */
export function noisyConfig(profiles: number, seed = 1): string {
  const random = mulberry32(seed);
  const hex = (length: number) => Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
  const digits = (length: number) => Array.from({ length }, () => Math.floor(random() * 10)).join('');
  const lines: string[] = [];
  for (let i = 0; i < profiles; i++) {
    lines.push(`[profile noisy-${i}]`, `role_arn = arn:aws:iam::${digits(12)}:role/R${hex(20)}`, '');
  }
  return lines.join('\n');
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

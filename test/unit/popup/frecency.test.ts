import { describe, expect, it } from 'vitest';
import { frecency, rankByFrecency, recordUse } from '../../../popup/frecency';

const DAY = 86_400_000;
const now = Date.UTC(2025, 0, 31);

describe('frecency', () => {
  it('records uses newest first and keeps the last ten', () => {
    let log = {};
    for (let i = 0; i < 12; i += 1) log = recordUse(log, 'dev', now + i);
    expect((log as Record<string, number[]>).dev).toHaveLength(10);
    expect((log as Record<string, number[]>).dev?.[0]).toBe(now + 11);
  });

  it('forgets the least recently used profiles past 300', () => {
    let log = {};
    for (let i = 0; i < 301; i += 1) log = recordUse(log, `p${i}`, now + i);
    expect(Object.keys(log)).toHaveLength(300);
    expect(log).not.toHaveProperty('p0');
    expect(log).toHaveProperty('p300');
  });

  it('weighs recent uses more than old ones', () => {
    expect(frecency([now], now)).toBeGreaterThan(frecency([now - 20 * DAY], now));
    expect(frecency([now - 200 * DAY], now)).toBeGreaterThan(0);
  });

  it('ranks a role used daily this week above one used often long ago, ties by the latest use', () => {
    const log = {
      daily: [now - DAY / 2, now - 1.5 * DAY, now - 2.5 * DAY],
      old: Array.from({ length: 5 }, (_, i) => now - (100 + i) * DAY),
      once: [now - 2 * DAY],
      twin: [now - 3 * DAY],
    };
    expect(rankByFrecency(log, now, 10)).toEqual(['daily', 'once', 'twin', 'old']);
    expect(rankByFrecency(log, now, 2)).toEqual(['daily', 'once']);
  });
});

/** A role's remembered durations: asked once after the first refusal, retried at the longest accepted, never stuck. */
import { describe, expect, it } from 'vitest';
import { durationToAsk, learnAccepted, learnRefused, retryDuration } from '../../../src/core/duration-memory';

const H = 3_600;

describe('what to ask for', () => {
  it('asks for what is wanted while nothing is known, or below the shortest refusal', () => {
    expect(durationToAsk(8 * H, undefined)).toBe(8 * H);
    expect(durationToAsk(4 * H, { refused: 8 * H, accepted: H })).toBe(4 * H);
  });

  it('asks for the longest accepted once AWS refused as much as is wanted', () => {
    expect(durationToAsk(8 * H, { refused: 8 * H, accepted: H })).toBe(H);
    expect(durationToAsk(12 * H, { refused: 8 * H, accepted: 4 * H })).toBe(4 * H);
    // Nothing accepted yet: 1 hour, which every role allows.
    expect(durationToAsk(8 * H, { refused: 8 * H })).toBe(H);
  });

  it('never asks for more than is wanted', () => {
    expect(durationToAsk(2 * H, { refused: 2 * H, accepted: 4 * H })).toBe(2 * H);
  });
});

describe('the retry after a refusal', () => {
  it('is the longest accepted below the refused, else 1 hour', () => {
    expect(retryDuration(8 * H, undefined)).toBe(H);
    expect(retryDuration(8 * H, { accepted: 4 * H, refused: 8 * H })).toBe(4 * H);
    expect(retryDuration(4 * H, { accepted: 4 * H })).toBe(H);
    expect(retryDuration(8 * H, { accepted: 1_800 })).toBe(H);
  });
});

describe('learning', () => {
  it('keeps the longest accepted and the shortest refused', () => {
    const refused = learnRefused(undefined, 8 * H);
    expect(refused).toEqual({ refused: 8 * H });
    const retried = learnAccepted(refused, H);
    expect(retried).toEqual({ accepted: H, refused: 8 * H });
    expect(learnAccepted(retried, 4 * H)).toEqual({ accepted: 4 * H, refused: 8 * H });
    expect(learnRefused({ accepted: 4 * H, refused: 8 * H }, 6 * H)).toEqual({ accepted: 4 * H, refused: 6 * H });
    expect(learnRefused({ accepted: 4 * H, refused: 6 * H }, 12 * H)).toEqual({ accepted: 4 * H, refused: 6 * H });
  });

  it('drops what a changed maximum contradicts', () => {
    // Raised: AWS now accepts what it refused.
    expect(learnAccepted({ accepted: H, refused: 8 * H }, 8 * H)).toEqual({ accepted: 8 * H });
    // Lowered: AWS now refuses what it accepted.
    expect(learnRefused({ accepted: 4 * H }, 4 * H)).toEqual({ refused: 4 * H });
  });

  it('makes no entry for a role that was only ever asked up to 1 hour (every role allows it)', () => {
    expect(learnAccepted(undefined, H)).toBeUndefined();
    expect(learnAccepted(undefined, 2 * H)).toEqual({ accepted: 2 * H });
  });

  it('asks once the second time: ReadOnly (max 1 h) asked for 8 h', () => {
    let known = learnRefused(undefined, 8 * H);
    const retry = retryDuration(8 * H, known);
    known = learnAccepted(known, retry) ?? known;
    expect(durationToAsk(8 * H, known)).toBe(H);
  });
});

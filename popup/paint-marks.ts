/**
 * Performance marks the benchmark reads (`npm run bench`): when the list was first painted, and how long each
 * keystroke took to reach the screen. Marks cost nothing in production and measure the real popup, not a
 * test build.
 */

export const LIST_PAINTED = 'popup:list-painted';
export const ROLES_REQUESTED = 'popup:roles-requested';
export const ROLES_RECEIVED = 'popup:roles-received';
export const FILTER_PAINTED = 'popup:filter-painted';

/**
 * Runs after the next frame is painted: a requestAnimationFrame callback runs just before the paint, and a
 * message posted from it is delivered just after.
 */
export function afterNextPaint(callback: () => void): void {
  if (typeof requestAnimationFrame !== 'function') return;
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      callback();
    };
    channel.port2.postMessage(undefined);
  });
}

let listPainted = false;

export function markListPainted(): void {
  if (listPainted) return;
  listPainted = true;
  afterNextPaint(() => performance.mark(LIST_PAINTED));
}

/** `startedAt` is the input event's timestamp (same clock as performance.now()). */
export function measureFilterPainted(startedAt: number): void {
  afterNextPaint(() => performance.measure(FILTER_PAINTED, { start: startedAt, end: performance.now() }));
}

/** Runs `work` when the page is idle, after the first paint; returns the cancel function (an effect cleanup). */
export function whenIdle(work: () => unknown): () => void {
  if (typeof requestIdleCallback !== 'function') return () => undefined;
  const id = requestIdleCallback(() => work(), { timeout: 500 });
  return () => cancelIdleCallback(id);
}

import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Long synchronous work cut into slices: `due()` says when the current slice has run `ms`, and
 * `pause()` hands the event loop a turn (other requests, timers, I/O) before the next slice. A
 * long job then delays any other request by about one slice, not by the whole job.
 */
export function timeSlices(ms: number) {
  let started = performance.now();
  return {
    due: () => performance.now() - started >= ms,
    async pause(): Promise<void> {
      await nextTurn();
      started = performance.now();
    },
  };
}

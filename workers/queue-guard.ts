import type { QueueKit } from './queues.ts';

/**
 * How long a queue call may take before its caller treats the queue as down. BullMQ waits, with
 * no limit, for a connection that is reconnecting (a queue first used while Redis is down), and
 * a frozen Redis never answers: callers that hold outbox rows or run the sweep must not wait so.
 */
export const QUEUE_CALL_TIMEOUT_MS = 3_000;

/** The call's result, or a rejection once the timeout passes (the call may still land later: job ids make that harmless). */
export async function withinQueueTimeout<T>(call: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer from the queue within ${QUEUE_CALL_TIMEOUT_MS} ms`)), QUEUE_CALL_TIMEOUT_MS);
  });
  try {
    return await Promise.race([call, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Whether the queue backend answers now, without waiting long. */
export function queueAnswers(kit: QueueKit): Promise<boolean> {
  return withinQueueTimeout(kit.ping(), 'ping').then(
    () => true,
    () => false,
  );
}

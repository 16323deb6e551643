import closeWithGrace from 'close-with-grace';
import { pino } from 'pino';
import { loadConfig, type Config } from './config.ts';
import { createLogger, type Logger } from './logger.ts';

export interface Running {
  /** Stops in order; rejects when a step failed (the later steps have run nonetheless). */
  stop(): Promise<void>;
}

export type StopStep = readonly [name: string, step: () => unknown];

/**
 * Runs the steps of a stop one after the other, logging each. A step that fails is logged and the
 * next still runs (the embedded server must stop even if a queue would not close).
 */
export async function stopInOrder(log: Pick<Logger, 'info' | 'error'>, steps: readonly StopStep[]): Promise<void> {
  let failed: string | undefined;
  for (const [name, step] of steps) {
    try {
      await step();
      log.info({ step: name }, 'stopped');
    } catch (error) {
      failed ??= name;
      log.error({ step: name, err: error instanceof Error ? error.message : String(error) }, 'stop step failed; going on');
    }
  }
  if (failed) throw new Error(`stop step failed: ${failed}`);
}

/**
 * Waits until the log's stream has no write in flight: at exit pino writes what is queued at once,
 * ahead of a line still being written, and the last lines would appear out of order. (pino's
 * flush() does not wait; SonicBoom's `_writing` is the only way to know.)
 */
function logWritten(log: Logger): Promise<void> {
  type Stream = { _writing?: boolean; once?(event: 'drain', listener: () => void): void };
  const stream = (log as unknown as Record<symbol, Stream | undefined>)[pino.symbols.streamSym];
  if (!stream?._writing || !stream.once) return Promise.resolve();
  return new Promise((resolve) => stream.once!('drain', resolve));
}

/**
 * Starts a process and stops it cleanly on SIGTERM/SIGINT/SIGHUP: in order, within
 * SHUTDOWN_TIMEOUT_MS (after which it exits anyway, code 1), then exits 0. A signal that comes while
 * it is still starting stops it as soon as it has started. An uncaught error stops it too (code 1).
 */
export function runUntilSignalled(name: string, start: (config: Config, log: Logger) => Promise<Running>): void {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  const log = createLogger(config, name);
  let started: Promise<Running | undefined> = Promise.resolve(undefined);
  const grace = closeWithGrace(
    {
      delay: config.SHUTDOWN_TIMEOUT_MS,
      logger: false,
      onTimeout: (ms) => log.error({ deadlineMs: ms }, 'stop did not finish in time; exiting anyway'),
      onSecondSignal: (signal) => log.warn({ signal }, 'second signal while stopping; exiting now'),
      onSecondError: (error) => log.error({ err: error }, 'error while stopping; exiting now'),
    },
    async ({ signal, err }) => {
      if (err) log.error({ err }, 'uncaught error; stopping');
      else log.info({ signal, deadlineMs: config.SHUTDOWN_TIMEOUT_MS }, 'stopping');
      const running = await started;
      if (running) await running.stop();
      log.info({}, 'stopped cleanly');
      await logWritten(log);
    },
  );
  started = start(config, log).catch((error: unknown) => {
    grace.uninstall();
    // One plain sentence: what failed and what to do (the errors thrown at start say both).
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

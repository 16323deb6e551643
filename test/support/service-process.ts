import { spawn, type ChildProcess } from 'node:child_process';
import { eventually } from './app.ts';

/** One JSON log line of a service process (pino). */
export interface LogLine {
  level: number;
  msg: string;
  step?: string;
  signal?: string;
  [key: string]: unknown;
}

/**
 * A service started as a user starts it (`node src/main.ts`, …), in a process group of its own as
 * a terminal would: `interrupt()` sends SIGINT to the whole group, like Ctrl-C.
 */
export class ServiceProcess {
  private readonly child: ChildProcess;
  private text = '';
  readonly exited: Promise<number | null>;

  constructor(script: string, env: Record<string, string>) {
    this.child = spawn(process.execPath, [script], {
      env: { ...process.env, LOG_LEVEL: 'info', ...env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [this.child.stdout!, this.child.stderr!]) stream.setEncoding('utf8').on('data', (chunk: string) => (this.text += chunk));
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  get output(): string {
    return this.text;
  }

  get lines(): LogLine[] {
    return this.text
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);
  }

  /** Waits until a log line matches (real time: the process starts for real). */
  async waitForLog(match: (line: LogLine) => boolean, what: string, timeoutMs = 60_000): Promise<void> {
    await eventually(async () => this.lines.some(match) || this.child.exitCode !== null, timeoutMs, what);
    if (this.child.exitCode !== null) throw new Error(`the process exited (${this.child.exitCode}) before ${what}:\n${this.text}`);
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** Ctrl-C in a terminal: SIGINT to every process of the group. */
  interrupt(): void {
    process.kill(-this.child.pid!, 'SIGINT');
  }

  /** The steps of the stop, in the order the log reports them. */
  get stoppedSteps(): string[] {
    return this.lines.filter((line) => line.msg === 'stopped' && line.step).map((line) => line.step!);
  }

  /** Kills what is left (a test that failed midway). */
  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

/** What an orderly stop must not show: an unhandled error or a stack trace. */
export const CRASH_SIGNS = /Unhandled|uncaught|^\s+at /im;

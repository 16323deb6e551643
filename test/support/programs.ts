import { spawnSync } from 'node:child_process';

/** Whether a program is on PATH here: it starts (`wrk --version` starts, then exits with 1). */
export function installed(program: string): boolean {
  return spawnSync(program, ['--version']).error === undefined;
}

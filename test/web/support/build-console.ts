import { ensureConsoleBuilt } from './console-app.ts';

/** Vitest global setup: build the console once per run (when stale), before the browser test files start in parallel. */
export default function setup() {
  ensureConsoleBuilt();
}

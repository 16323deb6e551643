import { ensureConsoleBuilt } from '../../../web/scripts/build-if-stale.ts';

/** Vitest global setup: build the console once per run (when stale), before the browser test files start in parallel. */
export default function setup() {
  ensureConsoleBuilt();
}

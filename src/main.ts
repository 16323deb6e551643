import { runUntilSignalled } from './process.ts';
import { startApi } from './server.ts';

/** `npm start`: the API and the workers in one process (small installs, first runs). */
runUntilSignalled('api+worker', (config, log) => startApi({ withWorkers: true, config, log }));

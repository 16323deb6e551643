import { openInfrastructure } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';

/** `npm run migrate`: apply pending migrations (and refresh the units) and exit. */
const config = loadConfig();
const log = createLogger(config, 'migrate');
const opened = await openInfrastructure(config, log);
log.info({}, 'database is up to date');
await opened.close();

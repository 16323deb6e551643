import { openInfrastructure } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { createServices } from '../services/index.ts';
import { loadDemo, type DemoLoaded } from './load.ts';
import { DEMO_PASSWORD } from './people.ts';

/**
 * `npm run demo`: loads demo people, the Q2 2024 bulletin's history and a few live items into the
 * database the service uses (DATABASE_URL, or the embedded server under DATA_DIR, also while the
 * service runs). Safe to run again.
 */
function report(loaded: DemoLoaded, baseUrl: string): string {
  const width = Math.max(...loaded.people.map((p) => p.login.length));
  const lines = [
    `Demo loaded: ${loaded.history.created} history items imported (${loaded.history.unchanged} already there), ` +
      `${loaded.liveItems} live items made${loaded.liveItems ? '' : ' (already there)'}.`,
    '',
    `Demo people (DEMO ONLY: known password "${DEMO_PASSWORD}", no change needed; disable them on a real install):`,
    ...loaded.people.map((p) => `  ${p.login.padEnd(width)}  ${p.role.padEnd(8)} ${p.unitCode ?? '(all units)'}  ${p.sees}${p.created ? '' : '  [existed]'}`),
    '',
    `Sign in:  curl -c cookies.txt -H 'content-type: application/json' -d '{"login":"demo-manager","password":"${DEMO_PASSWORD}"}' ${baseUrl}/v1/session`,
    `Bulletin: curl -b cookies.txt '${baseUrl}/v1/reports/bulletin?year=2024&quarter=2'`,
    'The reports read the score ledger: the workers of a running service (npm start, or npm run worker) fill it from this history within a minute or so.',
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger({ LOG_LEVEL: 'warn' }, 'demo');
  const opened = await openInfrastructure(config, log);
  try {
    const loaded = await loadDemo(createServices(opened.infra));
    const errors = loaded.history.errors;
    if (errors.length) throw new Error(`demo history: ${errors.length} rows refused, first: ${JSON.stringify(errors[0])}`);
    console.log(report(loaded, `http://${config.HOST}:${config.PORT}`));
  } finally {
    await opened.close();
  }
}

try {
  await main();
} catch (error) {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { renderSchema, SCHEMA_FILE } from '../../web/scripts/api-schema.ts';

describe('the console’s typed client', () => {
  test('web/src/api/schema.d.ts is what the service’s OpenAPI document generates (run `npm run generate:api` after changing a route)', async () => {
    const checkedIn = await readFile(SCHEMA_FILE, 'utf8');
    expect(checkedIn === (await renderSchema()), 'web/src/api/schema.d.ts is stale: run `npm run generate:api`').toBe(true);
  });
});

/** Writes web/src/api/schema.d.ts from the service's OpenAPI document (`npm run generate:api`). */
import { writeFile } from 'node:fs/promises';
import { renderSchema, SCHEMA_FILE } from './api-schema.ts';

await writeFile(SCHEMA_FILE, await renderSchema());
console.log(`wrote ${SCHEMA_FILE}`);

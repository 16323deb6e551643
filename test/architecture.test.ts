import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const filesOf = (dir: string) => readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f));
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** The files a module imports (static and dynamic), as paths from the repository root. */
function importsOf(file: string): string[] {
  const specifiers = [...read(file).matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => m[1]);
  return specifiers.map((s) => path.relative(root, path.resolve(root, path.dirname(file), s)));
}

/** Rules about where code lives, checked on the source itself. */
describe('layers', () => {
  it('the quality rules (src/checks) import nothing from the services that call them', () => {
    const files = filesOf('src/checks');
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      expect(importsOf(file).filter((target) => target.startsWith('src/services/')), file).toEqual([]);
    }
  });

  it('route files do HTTP only: no SQL in them (services hold it)', () => {
    // Routes still owned by other work in progress: submissions and images (the workflow), reports.
    const pending = new Set(['src/routes/submissions.ts', 'src/routes/images.ts', 'src/routes/reports.ts']);
    const files = filesOf('src/routes').filter((f) => !pending.has(f));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = read(file);
      for (const sign of ['sql`', '.selectFrom(', '.insertInto(', '.updateTable(', '.deleteFrom(', '.query(']) {
        expect(text.includes(sign), `${file} holds ${sign}`).toBe(false);
      }
    }
  });
});

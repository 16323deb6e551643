import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where rendered documents and their page images go for a person to look at (not committed). */
export const DOCUMENTS_DIR = path.resolve(import.meta.dirname, '../../.data/documents');

export interface Rendered {
  pdf: string;
  /** Each page's text, laid out as on the page (pdftotext -layout). */
  pages: string[];
  /** Each page's text in reading order, one line of the page per line. */
  rawPages: string[];
  pngs: string[];
}

/**
 * Converts a Word or Excel file to PDF with LibreOffice, as a person opening it would see it, and
 * writes a PNG of every page beside it. LibreOffice runs with a profile of its own, so that runs
 * from parallel test files do not share one.
 */
export async function renderDocument(file: Buffer, name: string, ext: 'docx' | 'xlsx'): Promise<Rendered> {
  await mkdir(DOCUMENTS_DIR, { recursive: true });
  const source = path.join(DOCUMENTS_DIR, `${name}.${ext}`);
  await writeFile(source, file);
  const profile = await mkdtemp(path.join(tmpdir(), 'lo-profile-'));
  try {
    await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', DOCUMENTS_DIR, source], { timeout: 120_000 });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  const pdf = path.join(DOCUMENTS_DIR, `${name}.pdf`);
  const layout = (await run('pdftotext', ['-layout', pdf, '-'])).stdout;
  const raw = (await run('pdftotext', ['-raw', pdf, '-'])).stdout;
  const split = (text: string) => text.split('\f').slice(0, -1);
  for (const old of (await readdir(DOCUMENTS_DIR)).filter((f) => f.startsWith(`${name}-page`) && f.endsWith('.png'))) {
    await rm(path.join(DOCUMENTS_DIR, old));
  }
  await run('pdftoppm', ['-png', '-r', '60', pdf, path.join(DOCUMENTS_DIR, `${name}-page`)]);
  const pngs = (await readdir(DOCUMENTS_DIR)).filter((f) => f.startsWith(`${name}-page`) && f.endsWith('.png')).sort();
  return { pdf, pages: split(layout), rawPages: split(raw), pngs: pngs.map((f) => path.join(DOCUMENTS_DIR, f)) };
}

/** The page size of a PDF's first page in millimetres, from pdfinfo. */
export async function pageSizeMm(pdf: string): Promise<{ width: number; height: number }> {
  const info = (await run('pdfinfo', [pdf])).stdout;
  const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  return { width: (Number(w) * 25.4) / 72, height: (Number(h) * 25.4) / 72 };
}

// Scores publication dates and article metadata read from the layouts outlets use (test/fixtures/layouts),
// the seeds' publication dates (text, then the folder), MEANTIME's creation dates, and how many ECB+
// articles their own text dates (ECB+ has no gold dates).
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { analyzeArticle } from '../../src/core/analyze';
import { parseArticle } from '../../src/core/article';
import { CorpusIndex } from '../../src/core/corpus';
import { EvalReport } from './types';

const ROOT = fs.existsSync(path.join(__dirname, '../../test/fixtures'))
  ? path.join(__dirname, '../..')
  : path.join(__dirname, '../../..');

export interface LayoutExpectation {
  layout: string;
  title: string;
  published: string | null;
  note?: string;
  dateline: string | null;
  authors: string[];
  source: string | null;
  resolves?: Record<string, string>;
  /** Written after the rules it tests, and run once before any rule was changed for it. */
  heldOut?: boolean;
}

export function loadLayoutExpectations(): { dir: string; expected: Record<string, LayoutExpectation> } {
  const dir = path.join(ROOT, 'test/fixtures/layouts');
  // YAML would read an unquoted 2023-03-16 as a string with the core schema, which is what we compare.
  return { dir, expected: parseYaml(fs.readFileSync(path.join(dir, 'expected.yaml'), 'utf8')) };
}

function layoutLines(): { lines: string[]; metrics: Record<string, number> } {
  const { dir, expected } = loadLayoutExpectations();
  const lines: string[] = [];
  let dated = 0;
  let found = 0;
  let right = 0;
  let fieldsRight = 0;
  const held = { total: 0, right: 0, all: 0 };
  const files = Object.keys(expected);
  for (const f of files) {
    const want = expected[f];
    const a = analyzeArticle(fs.readFileSync(path.join(dir, f), 'utf8'), f).article;
    const got = a.published?.value ?? null;
    if (want.published) dated++;
    if (want.published && got) found++;
    if (got === want.published) right++;
    const fields =
      a.title === want.title &&
      (a.meta?.dateline ?? null) === want.dateline &&
      JSON.stringify(a.meta?.authors ?? []) === JSON.stringify(want.authors);
    if (fields) fieldsRight++;
    if (want.heldOut) {
      held.total++;
      if (got === want.published) held.right++;
      if (got === want.published && fields) held.all++;
    }
    const mark = got === want.published && fields ? 'ok  ' : 'MISS';
    lines.push(
      `${mark} ${f}:` +
        ` ${got ?? 'unknown'}${got === want.published ? '' : ` WANT ${want.published}`}` +
        `${fields ? '' : ' (title/dateline/authors differ)'} — ${want.layout}`,
    );
  }
  lines.unshift(
    `layouts: dates found ${found}/${dated}, right ${right}/${files.length} (null where the article does not settle ` +
      `it counts as right); title+dateline+authors right ${fieldsRight}/${files.length}; of the ${held.total} ` +
      `written after their rules (heldOut): dates right ${held.right}, all fields right ${held.all}`,
  );
  return {
    lines,
    metrics: {
      layoutsRight: right / files.length,
      layoutsFound: found / Math.max(1, dated),
      layoutFieldsRight: fieldsRight / files.length,
    },
  };
}

function seedLines(): { line: string; right: number; total: number } {
  const gold: { published: Record<string, string> } = parseYaml(
    fs.readFileSync(path.join(ROOT, 'test/fixtures/seeds-events.yaml'), 'utf8'),
  );
  const index = new CorpusIndex();
  const dir = path.join(ROOT, 'seeds');
  for (const f of Object.keys(gold.published))
    index.upsert(f, fs.readFileSync(path.join(dir, f), 'utf8').replace(/^\uFEFF/, ''));
  index.link();
  let fromText = 0;
  let right = 0;
  for (const [f, want] of Object.entries(gold.published)) {
    const got = index.published(f);
    if (got?.origin === 'text') fromText++;
    if (got?.value === want) right++;
  }
  const total = Object.keys(gold.published).length;
  return {
    line: `seeds: right ${right}/${total} (${fromText} from their own text, the rest from the folder)`,
    right,
    total,
  };
}

/** MEANTIME gives each article's creation date (DCT): how many the article's own text dates right. */
function meantimeLine(): { line: string; right: number; total: number } {
  const docs: { text: string; dct: string }[] = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'test/fixtures/meantime/meantime-airbus-apple.json'), 'utf8'),
  );
  let found = 0;
  let right = 0;
  for (const d of docs) {
    const got = parseArticle(d.text, 'meantime').published?.value;
    if (got) found++;
    if (got === String(d.dct).slice(0, 10)) right++;
  }
  return {
    line:
      `MEANTIME: found ${found}/${docs.length}, right ${right}/${docs.length} (gold: the corpus's document ` +
      `creation dates)`,
    right,
    total: docs.length,
  };
}

/** ECB+ has no gold publication dates: how many of its articles their own text dates (coverage only). */
function ecbLine(): string {
  const docs: { text: string }[] = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'test/fixtures/ecbplus/ecbplus-dev.json'), 'utf8'),
  );
  const dated = docs.filter((d) => parseArticle(d.text, 'ecb').published).length;
  return `ECB+ dev: ${dated}/${docs.length} articles dated by their own text (coverage; no gold dates)`;
}

export async function evaluate(): Promise<EvalReport> {
  const layouts = layoutLines();
  const seeds = seedLines();
  const meantime = meantimeLine();
  return {
    name: 'publication dates (layouts)',
    metrics: {
      ...layouts.metrics,
      seedsRight: seeds.right / seeds.total,
      meantimeRight: meantime.right / meantime.total,
    },
    lines: [layouts.lines[0], seeds.line, meantime.line, ecbLine(), ...layouts.lines.slice(1)],
    target: { metric: 'seedsRight', min: 1 },
  };
}

// Re-anchoring benchmark: random annotations on the seed articles,
// random external edits, then classify each re-anchoring.
import * as fs from 'fs';
import * as path from 'path';
import { anchor } from '../../src/core/anchoring';
import { describeQuote } from '../../src/core/anchoring/textQuote';

/** mulberry32: small deterministic PRNG so every run sees the same edits. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Tracked {
  start: number;
  end: number;
  /** True once any edit changed the annotated text itself. */
  touched: boolean;
  /** True once the annotated text is entirely gone. */
  deleted: boolean;
}

interface Placed {
  quote: ReturnType<typeof describeQuote>;
  position: { start: number; end: number };
  truth: Tracked;
  /** The quote with 12 characters either side occurs more than once in the original: a passage the page repeats. */
  repeated: boolean;
}

type Kind = 'insert' | 'delete' | 'move' | 'rewordNear' | 'rewordInside';

function findSeedDir(): string {
  for (const dir of [
    path.resolve(__dirname, '../../seeds'),
    path.resolve(__dirname, '../../../seeds'),
    path.resolve(process.cwd(), 'seeds'),
  ]) {
    if (fs.existsSync(dir)) return dir;
  }
  throw new Error('seeds/ not found');
}

/** Word tokens [start, end) of a text (runs of non-space). */
function words(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** Applies a plain replacement to a tracked span (insertions at the edges stay outside). */
function trackReplace(t: Tracked, a: number, b: number, insertLength: number): void {
  if (t.deleted) return;
  const delta = insertLength - (b - a);
  if (b <= t.start) {
    t.start += delta;
    t.end += delta;
  } else if (a >= t.end) {
    // after: unchanged
  } else if (a <= t.start && b >= t.end) {
    t.deleted = true;
  } else {
    t.touched = true;
    if (a >= t.start && b <= t.end) t.end += delta;
    else if (a < t.start) {
      t.start = a + insertLength;
      t.end += delta;
    } else t.end = a;
  }
}

/** Moves a line [ls, le) (newline included) to offset q (a line start outside it). */
function trackMove(t: Tracked, ls: number, le: number, q: number): void {
  if (t.deleted) return;
  const len = le - ls;
  const map = (x: number, inside: boolean): number => {
    if (inside) return q < ls ? x - ls + q : x - ls + q - len;
    if (q < ls) return x >= q && x < ls ? x + len : x;
    return x >= le && x < q ? x - len : x;
  };
  const inside = t.start >= ls && t.end <= le;
  // Annotations never span lines, so a span is either wholly in the moved line or wholly outside it.
  const length = t.end - t.start;
  t.start = map(t.start, inside);
  t.end = t.start + length;
}

// BENCH_ANCHORING_DEBUG=1 prints every orphaned or misplaced intact annotation; BENCH_ANCHORING_DUMP=file saves the
// first intact orphan (text and selectors, optionally the one quoting BENCH_ANCHORING_DUMP_QUOTE) for a closer look.
function debug(what: string, text: string, p: Placed, found: { start: number; end: number; confidence: number }): void {
  if (!process.env.BENCH_ANCHORING_DEBUG) return;
  const show = (s: number, e: number): string =>
    JSON.stringify(text.slice(Math.max(0, s - 32), s) + '[[' + text.slice(s, e) + ']]' + text.slice(e, e + 32));
  const was = JSON.stringify(p.quote.prefix + '[[' + p.quote.exact + ']]' + p.quote.suffix);
  console.error(
    `${what} conf=${found.confidence.toFixed(3)}\n  was   ${was}\n` +
      `  truth ${show(p.truth.start, p.truth.end)}\n  found ${show(found.start, found.end)}`,
  );
}

export interface ScenarioOptions {
  rounds?: number;
  annotationsPerRound?: number;
  editsPerRound?: number;
  seed?: number;
  label?: string;
}

/**
 * Two scenarios: 'typical' (10 external edits per article between sessions) and 'heavy' (25 edits,
 * about one every 160 characters), each with edits aimed at the annotations' surroundings and contents.
 */
export async function benchAnchoring(): Promise<{ lines: string[]; metrics: Record<string, number> }> {
  const typical = runScenario({ label: 'typical', rounds: 300, editsPerRound: 10 });
  const heavy = runScenario({ label: 'heavy', rounds: 120, editsPerRound: 25 });
  const metrics: Record<string, number> = { ...typical.metrics };
  for (const [k, v] of Object.entries(heavy.metrics)) metrics[`heavy_${k}`] = v;
  return { lines: [...typical.lines, ...heavy.lines], metrics };
}

export function runScenario(options: ScenarioOptions = {}): { lines: string[]; metrics: Record<string, number> } {
  const rounds = options.rounds ?? 300;
  const perRound = options.annotationsPerRound ?? 8;
  const editsPerRound = options.editsPerRound ?? 10;
  const random = prng(options.seed ?? 20261123);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const dir = findSeedDir();
  const seeds = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) =>
      fs
        .readFileSync(path.join(dir, f), 'utf8')
        .replace(/^\uFEFF/, '')
        .replace(/\r\n/g, '\n'),
    );
  const vocabulary = seeds.flatMap((s) => s.split(/\s+/).filter((w) => w.length > 0));

  const counts = {
    intactInRepeatedPassage: 0,
    intactInRepeatedPassageCorrect: 0,
    intact: 0,
    intactCorrect: 0,
    intactOrphaned: 0,
    intactMisplaced: 0,
    reworded: 0,
    rewordedCorrect: 0,
    rewordedOrphaned: 0,
    rewordedMisplaced: 0,
    deleted: 0,
    deletedOrphaned: 0,
    deletedMisplaced: 0,
  };
  const editKinds: Record<Kind, number> = { insert: 0, delete: 0, move: 0, rewordNear: 0, rewordInside: 0 };
  let anchorMs = 0;
  let anchorCalls = 0;
  let totalEdits = 0;

  for (let round = 0; round < rounds; round++) {
    let text = seeds[round % seeds.length];
    const placed: Placed[] = [];
    const ws = words(text);
    while (placed.length < perRound) {
      const i = Math.floor(random() * ws.length);
      const n = 1 + Math.floor(random() * 8);
      const j = Math.min(ws.length - 1, i + n - 1);
      const start = ws[i][0];
      const end = ws[j][1];
      if (text.slice(start, end).includes('\n')) continue;
      const quote = describeQuote(text, start, end);
      const passage = quote.prefix.slice(-12) + quote.exact + quote.suffix.slice(0, 12);
      const repeated = text.indexOf(passage) !== text.lastIndexOf(passage);
      placed.push({ quote, position: { start, end }, truth: { start, end, touched: false, deleted: false }, repeated });
    }
    for (let e = 0; e < editsPerRound; e++) {
      const r = random();
      const kind: Kind =
        r < 0.3 ? 'insert' : r < 0.55 ? 'delete' : r < 0.65 ? 'move' : r < 0.85 ? 'rewordNear' : 'rewordInside';
      const cur = words(text);
      if (cur.length < 10) break;
      let a = 0;
      let b = 0;
      let insert = '';
      if (kind === 'insert') {
        const w = pick(cur);
        a = b = w[0];
        const n = 1 + Math.floor(random() * 6);
        insert = Array.from({ length: n }, () => pick(vocabulary)).join(' ') + ' ';
      } else if (kind === 'delete') {
        const i = Math.floor(random() * cur.length);
        const j = Math.min(cur.length - 1, i + Math.floor(random() * 6));
        a = cur[i][0];
        b = j + 1 < cur.length ? cur[j + 1][0] : cur[j][1];
        if (text.slice(a, b).includes('\n')) b = cur[j][1];
        if (text.slice(a, b).includes('\n')) continue;
      } else if (kind === 'move') {
        const lineStarts = [0];
        for (let k = 0; k < text.length; k++) if (text[k] === '\n' && k + 1 < text.length) lineStarts.push(k + 1);
        if (lineStarts.length < 3) continue;
        const li = Math.floor(random() * lineStarts.length);
        const ls = lineStarts[li];
        const nl = text.indexOf('\n', ls);
        if (nl === -1) continue; // the last line has no newline to carry
        const le = nl + 1;
        const q = pick(lineStarts.filter((s) => s < ls || s > le));
        if (q === undefined) continue;
        const line = text.slice(ls, le);
        text =
          q < ls
            ? text.slice(0, q) + line + text.slice(q, ls) + text.slice(le)
            : text.slice(0, ls) + text.slice(le, q) + line + text.slice(q);
        for (const p of placed) trackMove(p.truth, ls, le, q);
        editKinds.move++;
        totalEdits++;
        continue;
      } else {
        const live = placed.filter((p) => !p.truth.deleted);
        if (live.length === 0) continue;
        const target = pick(live).truth;
        let candidates: Array<[number, number]>;
        if (kind === 'rewordNear') {
          candidates = cur.filter(
            ([s, t]) => (t <= target.start && t > target.start - 40) || (s >= target.end && s < target.end + 40),
          );
        } else {
          candidates = cur.filter(([s, t]) => s >= target.start && t <= target.end);
        }
        if (candidates.length === 0) continue;
        [a, b] = pick(candidates);
        insert = pick(vocabulary);
        if (kind === 'rewordInside' && candidates.length === 1) {
          // A one-word annotation: change part of the word (a typo fix, an inflection) rather than all of it.
          const len = b - a;
          if (len < 3) continue;
          const cut = a + 1 + Math.floor(random() * (len - 1));
          a = cut;
          b = Math.min(b, cut + 1 + Math.floor(random() * 2));
          insert = pick(['e', 'es', 's', 'ed', 'o', '']);
        }
      }
      text = text.slice(0, a) + insert + text.slice(b);
      for (const p of placed) trackReplace(p.truth, a, b, insert.length);
      editKinds[kind]++;
      totalEdits++;
    }

    for (const p of placed) {
      const t0 = process.hrtime.bigint();
      const found = anchor(text, { quote: p.quote, position: p.position });
      anchorMs += Number(process.hrtime.bigint() - t0) / 1e6;
      anchorCalls++;
      const t = p.truth;
      if (t.deleted || t.start >= t.end) {
        counts.deleted++;
        if (found) {
          counts.deletedMisplaced++;
          debug('deleted misplaced', text, p, found);
        } else counts.deletedOrphaned++;
      } else if (!t.touched) {
        counts.intact++;
        if (p.repeated) counts.intactInRepeatedPassage++;
        if (p.repeated && found?.start === t.start && found?.end === t.end) counts.intactInRepeatedPassageCorrect++;
        if (text.slice(t.start, t.end) !== p.quote.exact) throw new Error('benchmark bug: intact text changed');
        if (!found) {
          counts.intactOrphaned++;
          debug('intact orphaned', text, p, { start: 0, end: 0, confidence: 0 });
          if (
            process.env.BENCH_ANCHORING_DUMP &&
            !fs.existsSync(process.env.BENCH_ANCHORING_DUMP) &&
            (!process.env.BENCH_ANCHORING_DUMP_QUOTE || p.quote.exact === process.env.BENCH_ANCHORING_DUMP_QUOTE)
          )
            fs.writeFileSync(
              process.env.BENCH_ANCHORING_DUMP,
              JSON.stringify({ text, quote: p.quote, position: p.position, truth: p.truth }),
            );
        } else if (found.start === t.start && found.end === t.end) counts.intactCorrect++;
        else {
          counts.intactMisplaced++;
          debug('intact misplaced', text, p, found);
        }
      } else {
        counts.reworded++;
        if (!found) counts.rewordedOrphaned++;
        else {
          const overlap = Math.max(0, Math.min(found.end, t.end) - Math.max(found.start, t.start));
          const union = Math.max(found.end, t.end) - Math.min(found.start, t.start);
          if (overlap / union >= 0.5) counts.rewordedCorrect++;
          else {
            counts.rewordedMisplaced++;
            debug('reworded misplaced', text, p, found);
          }
        }
      }
    }
  }

  const pct = (n: number, d: number): number => (d === 0 ? 0 : Math.round((1000 * n) / d) / 10);
  const metrics: Record<string, number> = {
    annotations: anchorCalls,
    edits: totalEdits,
    ...counts,
    intactCorrectPct: pct(counts.intactCorrect, counts.intact),
    intactOutsideRepeatsCorrectPct: pct(
      counts.intactCorrect - counts.intactInRepeatedPassageCorrect,
      counts.intact - counts.intactInRepeatedPassage,
    ),
    rewordedCorrectPct: pct(counts.rewordedCorrect, counts.reworded),
    anchorsPerSecond: Math.round(anchorCalls / (anchorMs / 1000)),
  };
  const lines = [
    `anchoring (${options.label ?? 'custom'}, ${editsPerRound} edits per article): ` +
      `${anchorCalls} annotations, ${totalEdits} edits (insert ${editKinds.insert}, delete ${editKinds.delete}, ` +
      `move line ${editKinds.move}, reword near ${editKinds.rewordNear}, reword inside ${editKinds.rewordInside})`,
    `  intact   ${counts.intact}: correct ${counts.intactCorrect} (${metrics.intactCorrectPct}%), ` +
      `orphaned ${counts.intactOrphaned}, misplaced ${counts.intactMisplaced}`,
    `           outside passages the page repeats (${counts.intact - counts.intactInRepeatedPassage}): ` +
      `correct ${metrics.intactOutsideRepeatsCorrectPct}%; ` +
      `inside them (${counts.intactInRepeatedPassage}): correct ${counts.intactInRepeatedPassageCorrect}`,
    `  reworded ${counts.reworded}: correct ${counts.rewordedCorrect} ` +
      `(${metrics.rewordedCorrectPct}%, overlap ≥ 50%), ` +
      `orphaned ${counts.rewordedOrphaned}, misplaced ${counts.rewordedMisplaced}`,
    `  deleted  ${counts.deleted}: orphaned ${counts.deletedOrphaned}, ` +
      `misplaced (anchored anyway) ${counts.deletedMisplaced}`,
    `  speed    ${metrics.anchorsPerSecond} anchors/s`,
  ];
  return { lines, metrics };
}

if (require.main === module) {
  benchAnchoring().then(
    (r) => console.log(r.lines.join('\n')),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}

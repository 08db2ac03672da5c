// What `analyze` prints: the readable summary, the --json object and the --jsonl lines. The JSON forms
// are written article by article, so a large folder never becomes one giant string.
import { CorpusIndex, CorpusJson } from '../core/corpus';
import { Suggestion } from '../core/learning';

/** Each article's suggestions after its folder's decisions (src/cli/decisions.ts); absent without decisions. */
export type SuggestionsByPath = ReadonlyMap<string, Suggestion[]>;

export interface OutputIO {
  /** Writes to stdout; `false` means the stream is full and `drained` should be awaited. */
  stdout: (s: string) => unknown;
  drained?: () => Promise<void>;
}

const CHUNK = 1 << 16;

/** Gathers small writes into chunks of about 64 KB and waits when stdout is full. */
class ChunkedWriter {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly io: OutputIO) {}

  async write(s: string): Promise<void> {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= CHUNK) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.parts.length) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (this.io.stdout(chunk) === false && this.io.drained) await this.io.drained();
  }
}

/** Exactly `JSON.stringify(index.toJSON(), null, 2) + '\n'`, written one array element at a time. */
export async function writeJson(index: CorpusIndex, io: OutputIO, suggestions?: SuggestionsByPath): Promise<void> {
  const out = new ChunkedWriter(io);
  const indented = (v: unknown) => '    ' + JSON.stringify(v, null, 2).replace(/\n/g, '\n    ');
  const array = async (key: string, items: Iterable<unknown>, last: boolean) => {
    let first = true;
    for (const item of items) {
      await out.write((first ? `  ${JSON.stringify(key)}: [\n` : ',\n') + indented(item));
      first = false;
    }
    await out.write((first ? `  ${JSON.stringify(key)}: []` : '\n  ]') + (last ? '\n' : ',\n'));
  };
  await out.write('{\n');
  await array('articles', articlesOf(index, suggestions), false);
  await array('events', index.eventsJson(), false);
  await array('quotes', index.quotesJson(), true);
  await out.write('}\n');
  await out.flush();
}

/** One line per article (after linking, in the order of --json), then one per event and per quote. */
export async function writeJsonl(index: CorpusIndex, io: OutputIO, suggestions?: SuggestionsByPath): Promise<void> {
  const out = new ChunkedWriter(io);
  for (const a of articlesOf(index, suggestions)) await out.write(JSON.stringify({ type: 'article', ...a }) + '\n');
  for (const e of index.eventsJson()) await out.write(JSON.stringify({ type: 'event', ...e }) + '\n');
  for (const q of index.quotesJson()) await out.write(JSON.stringify({ type: 'quote', ...q }) + '\n');
  await out.flush();
}

function* articlesOf(index: CorpusIndex, suggestions?: SuggestionsByPath) {
  for (const p of index.paths()) {
    const s = suggestions?.get(p);
    yield s ? { ...index.articleJson(p)!, suggestions: s } : index.articleJson(p)!;
  }
}

export function summary(json: CorpusJson, suggestions?: SuggestionsByPath): string {
  const lines: string[] = [];
  for (const a of json.articles) {
    lines.push(`${a.path}`);
    lines.push(`  title: ${a.title ?? '(none)'}`);
    lines.push(`  published: ${a.published ?? 'unknown'}`);
    const byType = new Map<string, Set<string>>();
    for (const e of a.entities) {
      const s = byType.get(e.type) ?? new Set<string>();
      s.add(e.text);
      byType.set(e.type, s);
    }
    for (const [type, names] of byType) lines.push(`  ${type.toLowerCase()} (${names.size}): ${[...names].join(', ')}`);
    const s = suggestions?.get(a.path);
    if (s) lines.push(`  after your decisions: ${decisionSummary(s)}`);
    if (a.dates.length) {
      lines.push(`  dates (${a.dates.length}): ${a.dates.map((d) => `${d.text} → ${d.value}`).join('; ')}`);
    }
  }
  if (json.events.length) {
    lines.push('', `events (${json.events.length}):`);
    for (const e of json.events) {
      lines.push(`  ${e.date ?? '????'}  ${e.label}  [${new Set(e.mentions.map((m) => m.path)).size} articles]`);
    }
  }
  if (json.quotes.length) {
    lines.push('', `quotes (${json.quotes.length}):`);
    for (const q of json.quotes) {
      lines.push(`  ${q.speaker ?? 'unattributed'}  [${new Set(q.mentions.map((m) => m.path)).size} articles]`);
    }
  }
  return lines.join('\n') + '\n';
}

/** "2 from your tags (Kelling Ferries), 1 demoted (Apple Watch), 1 hidden (Europe)". */
function decisionSummary(list: Suggestion[]): string {
  const parts: string[] = [];
  const group = (label: string, f: (s: Suggestion) => boolean) => {
    const names = [...new Set(list.filter(f).map((s) => s.text))];
    if (names.length) parts.push(`${list.filter(f).length} ${label} (${names.join(', ')})`);
  };
  group('from your tags', (s) => s.origin === 'your-tags' && s.state === 'keep');
  group('demoted', (s) => s.state === 'demoted');
  group('hidden', (s) => s.state === 'hidden');
  return parts.length ? parts.join(', ') : 'no change';
}

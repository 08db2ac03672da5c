// Real article texts from the repo's fixtures and seeds, and a deterministic generator of any number of
// realistic articles made of their sentences (for the corpus benchmarks and the CLI's --jobs test).
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..', '..');
const FIX = path.join(ROOT, 'test', 'fixtures');

export interface Doc {
  name: string;
  text: string;
}

export function realArticles(): Doc[] {
  const docs: Doc[] = [];
  const meantime = JSON.parse(fs.readFileSync(path.join(FIX, 'meantime', 'meantime-airbus-apple.json'), 'utf8'));
  for (const r of meantime) docs.push({ name: `meantime-${r.doc_id ?? r.doc}`, text: r.text });
  for (const r of JSON.parse(fs.readFileSync(path.join(FIX, 'ecbplus', 'ecbplus-dev.json'), 'utf8'))) {
    docs.push({ name: `ecb-${r.doc}`, text: r.text });
  }
  for (const f of fs.readdirSync(path.join(ROOT, 'seeds'))) {
    docs.push({ name: f, text: fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8') });
  }
  return docs;
}

/** Builds n articles of realistic size from sentences of real articles, deterministically. */
export function generateArticles(docs: Doc[], n: number): Doc[] {
  const sentences = docs.flatMap((d) => d.text.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.length > 30));
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const out: Doc[] = [];
  for (let i = 0; i < n; i++) {
    const len = 10 + Math.floor(rand() * 40); // 10–50 sentences: 250–1,300 words
    const parts: string[] = [];
    for (let j = 0; j < len; j++) parts.push(sentences[Math.floor(rand() * sentences.length)]);
    const y = 2005 + Math.floor(rand() * 18);
    const m = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
    out.push({ name: `gen-${i}.txt`, text: `Generated article ${i}\ndate ${y}-${m}-${day}\n\n${parts.join(' ')}\n` });
  }
  return out;
}

/** Writes the docs as files of a folder (names made safe) and returns their total word count. */
export function writeFolder(dir: string, docs: Doc[]): number {
  fs.mkdirSync(dir, { recursive: true });
  let words = 0;
  for (const d of docs) {
    fs.writeFileSync(path.join(dir, `${d.name.replace(/[^\w.-]/g, '_').replace(/\.txt$/, '')}.txt`), d.text);
    words += (d.text.match(/\S+/g) ?? []).length;
  }
  return words;
}

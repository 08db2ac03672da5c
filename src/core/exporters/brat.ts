// brat standoff export (.ann beside a copy of the .txt) and
// import. brat counts offsets in code points, not UTF-16 units.
import { BUILTIN_TAGS } from '../sidecar/schema';
import { fileStem } from '../text/paths';
import { ExportArticle, ExportOptions, ImportedAnnotation, effectiveAnnotations } from './record';

export interface BratFiles {
  /** File names derived from the article's: "<name>.ann" and "<name>.txt". */
  annPath: string;
  txtPath: string;
  ann: string;
  txt: string;
}

const BUILTIN = new Set<string>(BUILTIN_TAGS);

/**
 * brat type names are identifiers: built-in tags capitalised (person → Person), others with unsafe characters replaced.
 */
export function bratType(tag: string): string {
  if (BUILTIN.has(tag)) return tag[0].toUpperCase() + tag.slice(1);
  const safe = tag.replace(/[^A-Za-z0-9_-]/g, '_');
  return /^[A-Za-z]/.test(safe) ? safe : 'T_' + safe;
}

export function tagFromBratType(type: string): string {
  const lower = type.toLowerCase();
  return BUILTIN.has(lower) ? lower : type;
}

/** UTF-16 offset → code point offset, for every offset of the text. */
function codePointOffsets(text: string): Int32Array {
  const map = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    // The low half of a surrogate pair shares its code point with the high half.
    if (!(c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00)) cp++;
  }
  map[text.length] = cp;
  return map;
}

const oneLine = (s: string): string => s.replace(/[\r\n\t]+/g, ' ');

export function exportBrat(article: ExportArticle, options: ExportOptions = {}): BratFiles {
  const base = fileStem(article.path);
  const cp = codePointOffsets(article.text);
  const lines: string[] = [];
  let t = 0;
  let note = 0;
  let norm = 0;
  for (const a of effectiveAnnotations(article, options)) {
    // brat spans cannot contain line breaks: a span across lines becomes several fragments.
    const fragments: Array<[number, number]> = [];
    const re = /[^\r\n]+/g;
    const piece = article.text.slice(a.start, a.end);
    let m: RegExpExecArray | null;
    while ((m = re.exec(piece))) fragments.push([a.start + m.index, a.start + m.index + m[0].length]);
    if (fragments.length === 0) continue;
    const id = `T${++t}`;
    const offsets = fragments.map(([s, e]) => `${cp[s]} ${cp[e]}`).join(';');
    const text = fragments.map(([s, e]) => article.text.slice(s, e)).join(' ');
    lines.push(`${id}\t${bratType(a.tag)} ${offsets}\t${text}`);
    if (a.note !== undefined) lines.push(`#${++note}\tAnnotatorNotes ${id}\t${oneLine(a.note)}`);
    if (a.event)
      lines.push(
        `N${++norm}\tReference ${id} event:${oneLine(a.event.id).replace(/\s/g, '_')}\t${oneLine(a.event.name ?? '')}`,
      );
  }
  return {
    annPath: base + '.ann',
    txtPath: base + '.txt',
    ann: lines.length ? lines.join('\n') + '\n' : '',
    txt: article.text,
  };
}

/** Annotations from a brat .ann file and the text it annotates (offsets turned back into UTF-16 units). */
export function importBrat(ann: string, text: string): ImportedAnnotation[] {
  const cp = codePointOffsets(text);
  const fromCp = new Map<number, number>();
  for (let i = text.length; i >= 0; i--) fromCp.set(cp[i], i); // the first UTF-16 offset of each code point
  const toUtf16 = (n: number): number => {
    const v = fromCp.get(n);
    if (v === undefined) throw new RangeError(`brat offset ${n} is outside the text`);
    return v;
  };
  const byId = new Map<string, ImportedAnnotation>();
  const order: ImportedAnnotation[] = [];
  for (const line of ann.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const [id, middle, rest] = line.split('\t');
    if (!id || middle === undefined) continue;
    if (id.startsWith('T')) {
      const space = middle.indexOf(' ');
      const type = middle.slice(0, space);
      const spans = middle
        .slice(space + 1)
        .split(';')
        .map((f) => f.trim().split(/\s+/).map(Number));
      if (spans.some((s) => s.length !== 2 || s.some((n) => !Number.isInteger(n)))) continue;
      const start = toUtf16(Math.min(...spans.map((s) => s[0])));
      const end = toUtf16(Math.max(...spans.map((s) => s[1])));
      const a: ImportedAnnotation = { tag: tagFromBratType(type), start, end, text: text.slice(start, end) };
      byId.set(id, a);
      order.push(a);
    } else if (id.startsWith('#')) {
      const [kind, ref] = middle.split(' ');
      const target = byId.get(ref);
      if (kind === 'AnnotatorNotes' && target)
        target.note = target.note === undefined ? (rest ?? '') : `${target.note} ${rest ?? ''}`;
    } else if (id.startsWith('N')) {
      const [kind, ref, key] = middle.split(' ');
      const target = byId.get(ref);
      if (kind === 'Reference' && target && key?.startsWith('event:')) {
        target.event = { id: key.slice('event:'.length), ...(rest ? { name: rest } : {}) };
      }
    }
  }
  return order;
}

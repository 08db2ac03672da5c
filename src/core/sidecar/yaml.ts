// Reading and writing sidecar YAML with the `yaml` Document API, so comments and unknown keys survive rewrites.
import {
  Document,
  LineCounter,
  Pair,
  YAMLMap,
  YAMLSeq,
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  visit,
} from 'yaml';
import {
  ANNOTATION_KEY_ORDER,
  SIDECAR_KEY_ORDER,
  SIDECAR_SCHEMA_VERSION,
  EventLink,
  Sidecar,
  UserAnnotation,
  compareAnnotations,
  normaliseMerges,
} from './schema';
import { DECISION_KEY_ORDER, DecisionRecord, compareDecisions, decisionToPlain, readDecision } from './decisions';

export interface SidecarError {
  message: string;
  /** 1-based line and column of the problem, 0 when not known. */
  line: number;
  column: number;
}

export type ParseResult = { ok: true; sidecar: Sidecar; document: Document } | { ok: false; error: SidecarError };

/** Aliases a sidecar may use before it is taken for an alias bomb ("billion laughs"). */
export const MAX_ALIAS_COUNT = 100;

const CORE_TAGS = new Set([
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:map',
  'tag:yaml.org,2002:seq',
]);

const TO_STRING_OPTIONS = { lineWidth: 0, minContentWidth: 0, blockQuote: false as const, indentSeq: true };

/** Parses and validates a sidecar; any problem comes back with its line and column. */
export function parseSidecar(source: string): ParseResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, {
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: true,
    lineCounter,
    strict: true,
  });
  const at = (offset: number | undefined, message: string): { ok: false; error: SidecarError } => {
    const pos = offset === undefined ? { line: 0, col: 0 } : lineCounter.linePos(offset);
    return { ok: false, error: { message, line: pos.line, column: pos.col } };
  };
  const first = document.errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    return { ok: false, error: { message: first.message.split('\n')[0], line: pos?.line ?? 0, column: pos?.col ?? 0 } };
  }
  // Custom tags (!!js/function, !binary, !whatever) have no place in a sidecar: refuse rather than guess.
  let badTag: { offset?: number; tag: string } | null = null;
  visit(document, (_key, node) => {
    if (isNode(node) && node.tag && !CORE_TAGS.has(node.tag)) {
      badTag = { offset: node.range?.[0], tag: node.tag };
      return visit.BREAK;
    }
    return undefined;
  });
  if (badTag)
    return at(
      (badTag as { offset?: number }).offset,
      `custom tag ${(badTag as { tag: string }).tag} is not allowed in a sidecar`,
    );
  const tagWarning = document.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (tagWarning) return at(tagWarning.pos[0], `unknown tag: ${tagWarning.message.split('\n')[0]}`);

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    return at(0, `sidecar refused: ${(e as Error).message}`);
  }
  const nodeAt = (path: Array<string | number>): number | undefined => {
    const node = document.getIn(path, true);
    return isNode(node) ? node.range?.[0] : undefined;
  };
  if (data === null || data === undefined) return at(0, 'the sidecar is empty');
  if (typeof data !== 'object' || Array.isArray(data))
    return at(0, 'the sidecar must be a mapping (key: value lines) at the top');
  const top = data as Record<string, unknown>;
  const problem = (path: Array<string | number>, message: string): { ok: false; error: SidecarError } =>
    at(nodeAt(path) ?? nodeAt(path.slice(0, -1)), message);

  if (!Number.isInteger(top.schema)) return problem(['schema'], '`schema` must be the schema version number');
  if ((top.schema as number) > SIDECAR_SCHEMA_VERSION)
    return problem(
      ['schema'],
      `schema ${top.schema} was written by a newer version of the extension ` +
        `(this one reads up to ${SIDECAR_SCHEMA_VERSION})`,
    );
  if (typeof top.article !== 'string') return problem(['article'], '`article` must be the article file name');
  if (typeof top.textHash !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(top.textHash))
    return problem(['textHash'], '`textHash` must be "sha256:" followed by 64 hex digits');
  if (top.published !== undefined && (typeof top.published !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(top.published)))
    return problem(['published'], '`published` must be a date YYYY-MM-DD');
  const annotations = readRecords(top.annotations, 'annotations', 'annotation', readAnnotation, problem);
  if (!Array.isArray(annotations)) return annotations;
  const merges = top.mergeEntities ?? [];
  if (
    !Array.isArray(merges) ||
    !merges.every((p) => Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'string'))
  ) {
    return problem(['mergeEntities'], '`mergeEntities` must be a list of [entity id, entity id] pairs');
  }
  const decisions = readRecords(top.decisions, 'decisions', 'decision', readDecision, problem);
  if (!Array.isArray(decisions)) return decisions;
  const sidecar: Sidecar = {
    schema: top.schema as number,
    article: top.article,
    textHash: top.textHash,
    ...(top.published !== undefined ? { published: top.published as string } : {}),
    annotations,
    mergeEntities: merges as Array<[string, string]>,
    ...(top.decisions !== undefined && top.decisions !== null ? { decisions } : {}),
  };
  return { ok: true, sidecar, document };
}

type Problem = (path: Array<string | number>, message: string) => { ok: false; error: SidecarError };

/**
 * A list of records with unique ids under `key` (the annotations, the folder sidecar's decisions): each read by
 * `read`, which says "key\0message" when one is wrong; the first problem is reported at its line.
 */
function readRecords<T extends { id: string }>(
  raw: unknown,
  key: string,
  noun: string,
  read: (item: unknown) => T | string,
  problem: Problem,
): T[] | { ok: false; error: SidecarError } {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) return problem([key], `\`${key}\` must be a list`);
  const out: T[] = [];
  const ids = new Set<string>();
  for (let i = 0; i < raw.length; i++) {
    const parsed = read(raw[i]);
    if (typeof parsed === 'string') {
      const [field, message] = parsed.split('\u0000');
      return problem(field ? [key, i, field] : [key, i], `${noun} ${i + 1}: ${message}`);
    }
    if (ids.has(parsed.id)) return problem([key, i, 'id'], `${noun} ${i + 1}: duplicate id ${parsed.id}`);
    ids.add(parsed.id);
    out.push(parsed);
  }
  return out;
}

/** An annotation from plain data, or "key\0message" saying what is wrong. */
function readAnnotation(raw: unknown): UserAnnotation | string {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return '\u0000must be a mapping';
  const a = raw as Record<string, unknown>;
  const str = (key: string, required: boolean): string | undefined | null => {
    const v = a[key];
    if (v === undefined || v === null) return required ? null : undefined;
    return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
  };
  const id = str('id', true);
  if (!id) return 'id\u0000`id` is required';
  const tag = str('tag', true);
  if (!tag) return 'tag\u0000`tag` is required';
  const position = a.position as Record<string, unknown> | undefined;
  if (
    !position ||
    typeof position !== 'object' ||
    !Number.isInteger(position.start) ||
    !Number.isInteger(position.end) ||
    (position.start as number) < 0 ||
    (position.end as number) < (position.start as number)
  ) {
    return 'position\u0000`position` needs integer `start` ≤ `end`';
  }
  const quote = a.quote as Record<string, unknown> | undefined;
  if (!quote || typeof quote !== 'object' || typeof quote.exact !== 'string')
    return 'quote\u0000`quote` needs `exact` text';
  for (const k of ['prefix', 'suffix'])
    if (quote[k] !== undefined && quote[k] !== null && typeof quote[k] !== 'string')
      return `quote\u0000\`quote.${k}\` must be text`;
  const annotation: UserAnnotation = {
    id,
    tag,
    text: str('text', false) ?? quote.exact,
    position: { start: position.start as number, end: position.end as number },
    quote: { exact: quote.exact, prefix: (quote.prefix as string) ?? '', suffix: (quote.suffix as string) ?? '' },
    created: str('created', false) ?? '',
    modified: str('modified', false) ?? '',
  };
  const note = str('note', false);
  if (note === null) return 'note\u0000`note` must be text';
  if (note !== undefined) annotation.note = note;
  const entity = str('entity', false);
  if (entity === null) return 'entity\u0000`entity` must be an entity id';
  if (entity !== undefined) annotation.entity = entity;
  if (a.event !== undefined && a.event !== null) {
    const ev = a.event as Record<string, unknown>;
    if (typeof a.event === 'string') annotation.event = { id: a.event };
    else if (typeof ev === 'object' && typeof ev.id === 'string') {
      const link = readEventLink(ev);
      if (typeof link === 'string') return `event\u0000${link}`;
      annotation.event = link;
    } else return 'event\u0000`event` needs an `id`';
  }
  if (a.status !== undefined && a.status !== null) {
    if (a.status !== 'accepted' && a.status !== 'rejected') return 'status\u0000`status` must be accepted or rejected';
    annotation.status = a.status;
  }
  if (a.scope !== undefined && a.scope !== null) {
    if (a.scope !== 'here' && a.scope !== 'folder') return 'scope\u0000`scope` must be here or folder';
    annotation.scope = a.scope;
  }
  if (a.orphaned !== undefined && a.orphaned !== null) {
    if (typeof a.orphaned !== 'boolean') return 'orphaned\u0000`orphaned` must be true or false';
    if (a.orphaned) annotation.orphaned = true;
  }
  return readReview(a, annotation);
}

/** The merge's review marker (see merge.ts): `review: conflict` with the id of the competing version. */
function readReview(a: Record<string, unknown>, annotation: UserAnnotation): UserAnnotation | string {
  if (a.review !== undefined && a.review !== null) {
    if (a.review !== 'conflict') return 'review\u0000`review` must be conflict';
    annotation.review = 'conflict';
  }
  if (a.conflictWith !== undefined && a.conflictWith !== null) {
    if (typeof a.conflictWith !== 'string') return 'conflictWith\u0000`conflictWith` must be an annotation id';
    annotation.conflictWith = a.conflictWith;
  }
  return annotation;
}

/**
 * The YAML text of `sidecar`. When `previous` (the document last read from disk) is given, the sidecar is
 * written into it: comments and keys this version does not know stay where the person put them, each
 * annotation keeps its own comments (matched by id), and only the values that changed are touched.
 */
export function serializeSidecar(sidecar: Sidecar, previous?: Document): string {
  const doc = previous ? previous.clone() : new Document(undefined, { schema: 'core' });
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
  const top = doc.contents as unknown as YAMLMap;
  const annotations = [...sidecar.annotations].sort(compareAnnotations);
  setValue(doc, top, 'schema', sidecar.schema);
  setValue(doc, top, 'article', sidecar.article);
  setValue(doc, top, 'textHash', sidecar.textHash);
  setValue(doc, top, 'published', sidecar.published);

  const existingSeq: unknown = top.get('annotations', true);
  const annotationSeq: YAMLSeq = isSeq(existingSeq) ? existingSeq : new YAMLSeq();
  if (annotationSeq !== existingSeq) top.set('annotations', annotationSeq);
  const byId = new Map<string, YAMLMap>();
  for (const item of annotationSeq.items) {
    if (isMap(item)) {
      const id = item.get('id');
      if (typeof id === 'string') byId.set(id, item);
    }
  }
  annotationSeq.items = annotations.map((a) => {
    const node = byId.get(a.id) ?? new YAMLMap();
    writeAnnotation(doc, node, a);
    return node;
  });

  const merges = normaliseMerges(sidecar.mergeEntities);
  if (merges.length === 0 && !top.has('mergeEntities')) {
    // Nothing merged and nothing written before: leave the key out.
  } else {
    const pairs = new YAMLSeq();
    const old: unknown = top.get('mergeEntities', true);
    if (isSeq(old)) {
      pairs.commentBefore = old.commentBefore;
      pairs.comment = old.comment;
    }
    for (const pair of merges) {
      const node = doc.createNode(pair) as unknown as YAMLSeq;
      node.flow = true;
      pairs.items.push(node);
    }
    top.set('mergeEntities', pairs);
  }
  writeDecisions(doc, top, sidecar.decisions);
  orderKeys(top, SIDECAR_KEY_ORDER);
  // Text with line breaks goes on one line, double-quoted with \n escapes: a folded quoted scalar is hard
  // to read and a line break inside it turns into a confusing git diff. Block scalars a person wrote stay.
  visit(doc, {
    Scalar(_key, node) {
      if (
        typeof node.value === 'string' &&
        /[\n\r\t]/.test(node.value) &&
        node.type !== 'BLOCK_LITERAL' &&
        node.type !== 'BLOCK_FOLDED'
      ) {
        node.type = 'QUOTE_DOUBLE';
      }
    },
  });
  return doc.toString(TO_STRING_OPTIONS);
}

/** Decisions in their stable order, each written into its old node (by id) so its comments and unknown keys stay. */
function writeDecisions(doc: Document, top: YAMLMap, decisions: DecisionRecord[] | undefined): void {
  const existing: unknown = top.get('decisions', true);
  if (decisions === undefined || (decisions.length === 0 && !isSeq(existing))) {
    if (decisions === undefined) top.delete('decisions');
    return;
  }
  const seq: YAMLSeq = isSeq(existing) ? existing : new YAMLSeq();
  if (seq !== existing) top.set('decisions', seq);
  const byId = new Map<string, YAMLMap>();
  for (const item of seq.items)
    if (isMap(item) && typeof item.get('id') === 'string') byId.set(item.get('id') as string, item);
  seq.items = [...decisions].sort(compareDecisions).map((d) => {
    const node = byId.get(d.id) ?? new YAMLMap();
    const plain = decisionToPlain(d);
    for (const k of DECISION_KEY_ORDER) {
      const flow = k === 'position' || k === 'sentence';
      if (k === 'sentence') {
        if (plain.sentence === undefined) node.delete(k);
        else if (
          JSON.stringify((node.get(k, true) as YAMLSeq | undefined)?.toJSON?.()) !== JSON.stringify(plain.sentence)
        ) {
          const list = doc.createNode(plain.sentence) as YAMLSeq;
          list.flow = true;
          node.set(k, list);
        }
      } else setValue(doc, node, k, plain[k] as Plain, flow);
    }
    orderKeys(node, DECISION_KEY_ORDER);
    return node;
  });
  if (seq.items.length) seq.flow = false;
}

function writeAnnotation(doc: Document, node: YAMLMap, a: UserAnnotation): void {
  setValue(doc, node, 'id', a.id);
  setValue(doc, node, 'tag', a.tag);
  setValue(doc, node, 'text', a.text);
  setValue(doc, node, 'note', a.note);
  setValue(doc, node, 'entity', a.entity);
  setValue(
    doc,
    node,
    'event',
    a.event ? eventLinkJson(a.event) : undefined,
    // One line for an id and a name; a link that can be found again gets a line a key, so merges stay clean.
    a.event?.articles === undefined,
  );
  setValue(doc, node, 'status', a.status);
  setValue(doc, node, 'scope', a.scope);
  setValue(doc, node, 'orphaned', a.orphaned ? true : undefined);
  setValue(doc, node, 'review', a.review);
  setValue(doc, node, 'conflictWith', a.conflictWith);
  setValue(doc, node, 'position', { start: a.position.start, end: a.position.end }, true);
  setValue(doc, node, 'quote', { exact: a.quote.exact, prefix: a.quote.prefix, suffix: a.quote.suffix });
  setValue(doc, node, 'created', a.created);
  setValue(doc, node, 'modified', a.modified);
  orderKeys(node, ANNOTATION_KEY_ORDER);
}

type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain | undefined } | undefined;

/** Sets map[key] = value, keeping the existing node (and its comments) when the value fits it. */
function setValue(doc: Document, map: YAMLMap, key: string, value: Plain, flow = false): void {
  if (value === undefined) {
    map.delete(key);
    return;
  }
  const existing: unknown = map.get(key, true);
  if (Array.isArray(value)) {
    map.set(key, doc.createNode(value));
    return;
  }
  if (typeof value === 'object' && value !== null) {
    if (isMap(existing)) {
      for (const k of Object.keys(value)) setValue(doc, existing, k, value[k]);
      for (const pair of [...existing.items]) {
        const k = isScalar(pair.key) ? pair.key.value : pair.key;
        // Within a known nested mapping (position, quote, event), keys we do not write are ours to drop only if known.
        if (typeof k === 'string' && !(k in value) && KNOWN_NESTED.has(k)) existing.delete(k);
      }
      orderKeys(existing, Object.keys(value));
      return;
    }
    const node = doc.createNode(value) as unknown as YAMLMap;
    node.flow = flow;
    map.set(key, node);
    return;
  }
  if (isScalar(existing) && !isAlias(existing)) {
    if (existing.value !== value) {
      existing.value = value;
      // A changed string is re-quoted as needed rather than kept in a style that may not fit it.
      existing.type = undefined;
    }
    return;
  }
  map.set(key, doc.createNode(value));
}

const KNOWN_NESTED = new Set(['start', 'end', 'exact', 'prefix', 'suffix', 'id', 'name', 'date', 'place', 'articles']);

/** Puts the known keys first, in the given order; other keys keep their relative order after them. */
function orderKeys(map: YAMLMap, order: readonly string[]): void {
  const rank = (pair: Pair): number => {
    const key = isScalar(pair.key) ? pair.key.value : pair.key;
    const i = typeof key === 'string' ? order.indexOf(key) : -1;
    return i === -1 ? order.length : i;
  };
  const items = map.items.map((pair, index) => ({
    pair,
    index,
    rank: isPair(pair) ? rank(pair as Pair) : order.length,
  }));
  items.sort((a, b) => a.rank - b.rank || a.index - b.index);
  map.items = items.map((x) => x.pair);
}

/** An annotation's `event:` map: id and name, and the date, place and articles that find the event again. */
function readEventLink(ev: Record<string, unknown>): EventLink | string {
  const link: EventLink = { id: ev.id as string };
  if (typeof ev.name === 'string') link.name = ev.name;
  for (const key of ['date', 'place'] as const) {
    const v = ev[key];
    if (v === undefined) continue;
    if (v !== null && typeof v !== 'string') return `\`event.${key}\` must be text or null`;
    link[key] = v;
  }
  if (ev.articles !== undefined) {
    if (!Array.isArray(ev.articles) || ev.articles.some((p) => typeof p !== 'string')) {
      return '`event.articles` must be a list of article paths';
    }
    link.articles = ev.articles as string[];
  }
  return link;
}

/** The stored form of an event link, keys in a fixed order and absent ones left out. */
function eventLinkJson(e: EventLink): { [key: string]: Plain } {
  const out: { [key: string]: Plain } = { id: e.id };
  if (e.name !== undefined) out.name = e.name;
  if (e.date !== undefined) out.date = e.date;
  if (e.place !== undefined) out.place = e.place;
  if (e.articles !== undefined) out.articles = e.articles;
  return out;
}

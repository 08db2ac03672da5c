// W3C Web Annotation (JSON-LD) export and import: an AnnotationCollection with quote and position selectors.
import { ExportArticle, ExportOptions, ImportedAnnotation, effectiveAnnotations } from './record';

export const ANNOTATION_ID_PREFIX = 'urn:article-annotator:annotation:';
export const EVENT_ID_PREFIX = 'urn:article-annotator:event:';

/** The articles' annotations as one AnnotationCollection (a plain object; JSON.stringify it to write). */
export function exportW3C(
  articles: ExportArticle[],
  options: ExportOptions & { label?: string } = {},
): Record<string, unknown> {
  const items: Record<string, unknown>[] = [];
  for (const article of articles) {
    for (const a of effectiveAnnotations(article, options)) {
      const body: Record<string, unknown>[] = [{ type: 'TextualBody', purpose: 'tagging', value: a.tag }];
      if (a.note !== undefined)
        body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/plain' });
      if (a.event)
        body.push({
          type: 'TextualBody',
          purpose: 'linking',
          id: EVENT_ID_PREFIX + encodeURIComponent(a.event.id),
          value: a.event.name ?? a.event.id,
        });
      const context = 32;
      items.push({
        id: ANNOTATION_ID_PREFIX + encodeURIComponent(article.path) + '#' + a.id,
        type: 'Annotation',
        motivation: a.source === 'user' ? 'tagging' : 'classifying',
        ...(a.created ? { created: a.created } : {}),
        ...(a.modified ? { modified: a.modified } : {}),
        body,
        target: {
          source: article.path,
          selector: [
            {
              type: 'TextQuoteSelector',
              exact: a.text,
              prefix: article.text.slice(Math.max(0, a.start - context), a.start),
              suffix: article.text.slice(a.end, a.end + context),
            },
            { type: 'TextPositionSelector', start: a.start, end: a.end },
          ],
        },
      });
    }
  }
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    label: options.label ?? 'Article Annotator export',
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

/**
 * Annotations from W3C JSON (a collection, a page, one annotation or a list of them), grouped by target source.
 * Position selectors give the span; a quote-only target gets start = end = -1 for the caller to anchor.
 */
export function importW3C(json: unknown): Map<string, ImportedAnnotation[]> {
  const out = new Map<string, ImportedAnnotation[]>();
  const annotations: unknown[] = [];
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(collect);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      const type = o.type;
      if (type === 'Annotation' || (Array.isArray(type) && type.includes('Annotation'))) annotations.push(o);
      else if (o.first) collect(o.first);
      else if (o.items) collect(o.items);
      if (o.type === 'AnnotationPage' && o.next && typeof o.next === 'object') collect(o.next);
    }
  };
  collect(json);
  for (const raw of annotations) {
    const a = raw as Record<string, unknown>;
    const target = (Array.isArray(a.target) ? a.target[0] : a.target) as Record<string, unknown> | string | undefined;
    if (!target || typeof target === 'string') continue;
    const source = String(target.source ?? '');
    const selectors = (Array.isArray(target.selector) ? target.selector : [target.selector]) as Array<
      Record<string, unknown> | undefined
    >;
    const quote = selectors.find((s) => s?.type === 'TextQuoteSelector');
    const position = selectors.find((s) => s?.type === 'TextPositionSelector');
    const bodies = (Array.isArray(a.body) ? a.body : a.body ? [a.body] : []) as Array<Record<string, unknown>>;
    const tagBody = bodies.find((b) => b.purpose === 'tagging');
    const noteBody = bodies.find((b) => b.purpose === 'commenting');
    const linkBody = bodies.find((b) => b.purpose === 'linking');
    if (!tagBody || typeof tagBody.value !== 'string') continue;
    const start = position && Number.isInteger(position.start) ? (position.start as number) : -1;
    const end = position && Number.isInteger(position.end) ? (position.end as number) : -1;
    const imported: ImportedAnnotation = {
      tag: tagBody.value,
      start,
      end,
      text: typeof quote?.exact === 'string' ? quote.exact : '',
    };
    if (noteBody && typeof noteBody.value === 'string') imported.note = noteBody.value;
    if (linkBody) {
      const id =
        typeof linkBody.id === 'string' && linkBody.id.startsWith(EVENT_ID_PREFIX)
          ? decodeURIComponent(linkBody.id.slice(EVENT_ID_PREFIX.length))
          : typeof linkBody.id === 'string'
            ? linkBody.id
            : String(linkBody.value ?? '');
      imported.event = {
        id,
        ...(typeof linkBody.value === 'string' && linkBody.value !== id ? { name: linkBody.value } : {}),
      };
    }
    if (typeof a.id === 'string' && a.id.includes('#')) imported.id = a.id.slice(a.id.lastIndexOf('#') + 1);
    const list = out.get(source) ?? [];
    list.push(imported);
    out.set(source, list);
  }
  return out;
}

// CSV export (RFC 4180), one annotation a row, with spreadsheet formula injection defused.
import { ExportArticle, ExportOptions, effectiveAnnotations } from './record';

export const CSV_COLUMNS = [
  'article',
  'id',
  'tag',
  'start',
  'end',
  'text',
  'note',
  'event_id',
  'event_name',
  'entity',
  'status',
  'scope',
  'source',
  'created',
  'modified',
] as const;

/**
 * A cell as RFC 4180 wants it, after defusing: text a spreadsheet would run as a formula (starting with
 * = + - @, or a tab or carriage return) gets a leading apostrophe. Article text is never trusted.
 */
export function csvCell(value: string | number | undefined): string {
  let s = value === undefined ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

export function exportCsv(articles: ExportArticle[], options: ExportOptions = {}): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const article of articles) {
    for (const a of effectiveAnnotations(article, options)) {
      rows.push(
        [
          article.path,
          a.id,
          a.tag,
          a.start,
          a.end,
          a.text,
          a.note,
          a.event?.id,
          a.event?.name,
          a.entity,
          a.status,
          a.scope,
          a.source,
          a.created,
          a.modified,
        ]
          .map(csvCell)
          .join(','),
      );
    }
  }
  return rows.join('\r\n') + '\r\n';
}

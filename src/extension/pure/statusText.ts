// The status bar's text and tooltip for the active article: counts, and why its publication date is unknown.
import type { DocumentView } from '../../core/corpus';

/** A few words for the bar from the core's note on an unknown publication date; the tooltip has the whole note. */
export function shortDateNote(note: string): string {
  if (/\bambiguous\b/i.test(note)) return 'date ambiguous';
  if (/\bno year\b|\byear is missing\b/i.test(note)) return 'date without year';
  if (/front matter is not valid/i.test(note)) return 'front matter broken';
  return 'date unknown';
}

export function statusText(view: DocumentView, enabled: boolean): { text: string; tooltip: string } {
  const { PERSON: people, ORGANIZATION: orgs, PLACE: places, NATIONALITY: nat, dates } = view.counts;
  const note = view.published ? null : view.publishedNote;
  const text =
    `$(person) ${people} $(organization) ${orgs} $(location) ${places} $(globe) ${nat} $(calendar) ${dates}` +
    (note ? ` $(warning) ${shortDateNote(note)}` : '') +
    (enabled ? '' : ' $(eye-closed)');
  const pub = view.published
    ? `published ${view.published.value} (${view.published.reason})`
    : `publication date unknown${note ? `: ${note}` : ''}`;
  const tooltip =
    `Article Annotator — ${people} people, ${orgs} organisations, ${places} places, ${nat} nationalities, ` +
    `${dates} dates; ${pub}. Click to ${enabled ? 'hide' : 'show'} highlights.`;
  return { text, tooltip };
}

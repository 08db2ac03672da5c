// Turns hover cards and user annotations into Markdown. Kept free of the vscode API so it is unit-tested in plain Node.
// Article and user text is untrusted: every piece of it goes through escapeMarkdown, and the only links are
// command links this module builds itself.
import type { Card, Disagreement, Related } from '../../core/corpus';
import type { DateMention, PublishedDate } from '../../core/model';
import { MONTH_NAMES, WEEKDAY_NAMES } from '../../core/dates/calendar';
import { fileName } from '../../core/text/paths';
import type { FoundEventInfo } from './protocol';

export const OPEN_MENTION_COMMAND = 'articleAnnotator.openMention';
/** The other command a hover may run: give the article a publication date, so its relative dates resolve. */
export const SET_PUBLISHED_COMMAND = 'articleAnnotator.setPublicationDate';
/** What a card's "and K more" link runs: every mention of the event or quote, by article, in a quick pick. */
export const SHOW_MENTIONS_COMMAND = 'articleAnnotator.showAllMentions';
/** The commands a hover may run, and no other. */
export const HOVER_COMMANDS = [OPEN_MENTION_COMMAND, SET_PUBLISHED_COMMAND, SHOW_MENTIONS_COMMAND];

/** The arguments of SHOW_MENTIONS_COMMAND. */
export interface ShowMentionsArgs {
  kind: 'event' | 'quote';
  id: string;
  label: string;
}

/**
 * Escapes Markdown so article text renders as the literal characters it is: every character that
 * could start markup, a link, an autolink (":" and "." in URLs), HTML ("<", "&") or a list is
 * backslash-escaped, which CommonMark allows for any ASCII punctuation. Line breaks become `lineBreak`:
 * a space by default, or a Markdown hard break ("  \n") where the text's own lines matter (a user's note).
 */
export function escapeMarkdown(text: string, lineBreak = ' '): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!~|<>&:@=]/g, '\\$&').replace(/\r?\n/g, lineBreak);
}

/** Removes the escapes again: what a reader sees (used by tests and plain-text contexts). */
export function unescapeMarkdown(md: string): string {
  return md.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

export function commandLink(label: string, command: string, args: unknown): string {
  // encodeURIComponent leaves parentheses, which would end the link early: encode them too.
  const query = encodeURIComponent(JSON.stringify(args)).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'));
  return `[${escapeMarkdown(label)}](command:${command}?${query})`;
}

const TYPE_LABEL: Record<string, string> = {
  PERSON: 'person',
  ORGANIZATION: 'organisation',
  PLACE: 'place',
  NATIONALITY: 'nationality',
  DATE: 'date',
  TIME: 'time',
  DURATION: 'duration',
  SET: 'recurring time',
};

// Date.getUTCDay() counts from Sunday; the core's names start on Monday.
const WEEKDAYS = [WEEKDAY_NAMES[6], ...WEEKDAY_NAMES.slice(0, 6)];

/** "2023-03-16" → "Thursday 16 March 2023"; other TIMEX3 values as they are. */
export function humanDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) {
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return `${WEEKDAYS[d.getUTCDay()]} ${+m[3]} ${MONTH_NAMES[+m[2] - 1]} ${m[1]}`;
  }
  const ym = /^(\d{4})-(\d{2})$/.exec(value);
  if (ym) return `${MONTH_NAMES[+ym[2] - 1]} ${ym[1]}`;
  return value;
}

function publishedPhrase(p: PublishedDate | null): string {
  if (!p) return 'publication date unknown';
  if (p.origin === 'user') return `article published ${p.value}, set by you`;
  if (p.origin === 'corpus') return `article published ${p.value}, inferred: ${p.reason}`;
  return `article published ${p.value}`;
}

export function dateSummary(mention: DateMention, published: PublishedDate | null): string {
  const value = mention.range ? `${mention.range.begin} to ${mention.range.end}` : humanDate(mention.value);
  // Words, not an arrow: a screen reader reads "→" as "right arrow".
  return `${mention.text} means ${value} (${publishedPhrase(published)})`;
}

// One formatter: toLocaleString makes a new one on every call.
const COUNT = new Intl.NumberFormat('en-US');
const plural = (n: number, one: string, many = `${one}s`) => `${COUNT.format(n)} ${n === 1 ? one : many}`;

/** The articles a card names (the core chose them: nearest in date, other wordings first), then what is left out. */
function relatedLines(related: Related, all: ShowMentionsArgs): string[] {
  const lines = related.others.map((o) => {
    const at = { path: o.path, start: o.sentence.start, end: o.sentence.end };
    return `- ${commandLink(o.title, OPEN_MENTION_COMMAND, at)}: “${escapeMarkdown(truncate(o.sentenceText, 220))}”`;
  });
  const { mentions, articles } = related.more;
  if (articles > 0) {
    const link = commandLink('show all', SHOW_MENTIONS_COMMAND, all);
    lines.push(`- and ${plural(mentions, 'more mention')} in ${plural(articles, 'article')}: ${link}`);
  }
  return lines;
}

function disagreementLines(ds: Disagreement[]): string[] {
  return ds.map(
    (d) =>
      `- ${escapeMarkdown(d.detail)}: ` +
      d.values.map((v) => `**${escapeMarkdown(v.value)}** (${plural(v.articles, 'article')})`).join(' vs ') +
      (d.more ? ` and ${plural(d.more, 'other value')}` : ''),
  );
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** Markdown for one card; plain text of the first line is what tests and screen readers see first. */
export function cardMarkdown(card: Card): string {
  switch (card.kind) {
    case 'date': {
      const m = card.mention;
      const lines = [
        `**${escapeMarkdown(dateSummary(m, card.published))}**`,
        '',
        `${TYPE_LABEL[m.type]} · TIMEX3 \`${m.value.replace(/`/g, '')}\``,
      ];
      if (m.explanation) lines.push('', escapeMarkdown(m.explanation));
      // Which line and rule of the article gave its date (core/metadata/published words the reason).
      if (card.published?.origin === 'text' && m.relative)
        lines.push('', `Publication date: ${escapeMarkdown(card.published.reason)}`);
      if (!card.published && m.relative) {
        // Why it is unknown (ambiguous stamp, no year, broken front matter), and the way to settle it.
        const why = card.publishedNote ? `: ${escapeMarkdown(card.publishedNote)}` : ': the article states none';
        const set = commandLink('Set the publication date…', SET_PUBLISHED_COMMAND, { uri: card.path });
        lines.push('', `Publication date unknown${why}. ${set}`);
      }
      const from = card.published?.origin === 'corpus' ? card.published.fromArticle : undefined;
      if (from && m.relative) {
        const name = fileName(from);
        lines.push(
          '',
          `Publication date learned from ${commandLink(name, OPEN_MENTION_COMMAND, { path: from, start: 0, end: 0 })}`,
        );
      }
      return lines.join('\n');
    }
    case 'entity': {
      const m = card.mention;
      const r = card.record;
      const canonical = r?.canonical ?? m.canonical;
      const also = (r?.spellings ?? []).filter((s) => s !== canonical);
      let first = `**${escapeMarkdown(canonical)}**`;
      if (also.length) first += ` — also ${also.map((s) => escapeMarkdown(s)).join(', ')}`;
      if (r) first += `; in ${r.articles.length} article${r.articles.length === 1 ? '' : 's'}`;
      return [
        first,
        '',
        `${TYPE_LABEL[m.type]} · ${r?.mentionCount ?? 1} mention${(r?.mentionCount ?? 1) === 1 ? '' : 's'}`,
      ].join('\n');
    }
    case 'event': {
      const e = card.event;
      const facts = [
        e.date ? `date ${escapeMarkdown(humanDate(e.date))}` : null,
        e.place ? `place ${escapeMarkdown(e.place)}` : null,
      ].filter(Boolean);
      const lines = [`**Event: ${escapeMarkdown(e.label)}**`, ''];
      if (facts.length) lines.push(facts.join(', '));
      const all: ShowMentionsArgs = { kind: 'event', id: e.id, label: e.label };
      if (card.related.others.length) lines.push('', `Also reported in:`, ...relatedLines(card.related, all));
      if (card.disagreements.length) lines.push('', 'Articles disagree:', ...disagreementLines(card.disagreements));
      return lines.join('\n');
    }
    case 'quote': {
      const q = card.quote;
      const lines = [`**Quote${q.speaker ? ` by ${escapeMarkdown(q.speaker)}` : ''}**`, ''];
      const all: ShowMentionsArgs = { kind: 'quote', id: q.id, label: q.speaker ?? 'Unattributed' };
      if (card.related.others.length) lines.push('Also quoted in:', ...relatedLines(card.related, all));
      return lines.join('\n');
    }
  }
}

/** What an annotation hover shows of a user annotation (a LiveAnnotation has these fields). */
export interface AnnotationHoverFields {
  status?: 'accepted' | 'rejected';
  tag?: string;
  entityId?: string;
  event?: { id: string; label: string };
  note?: string;
}

/**
 * The linked event as the folder has it now: `undefined` when not asked (a user-made event, or no folder index),
 * null when no detected event answers the link any more.
 */
export type LinkedEventNow = FoundEventInfo | null | undefined;

/** The hover of a user annotation: what it is, its tag, entity, event and note (the note keeps its lines). */
export function annotationHoverText(a: AnnotationHoverFields, now?: LinkedEventNow): string {
  const lines: string[] = [];
  const head =
    a.status === 'rejected' ? 'Marked wrong by you' : a.status === 'accepted' ? 'Accepted by you' : 'Your annotation';
  lines.push(`**${head}**${a.tag ? ` · tag \`${a.tag.replace(/`/g, "'")}\`` : ''}`);
  if (a.entityId) lines.push(`entity: ${escapeMarkdown(a.entityId)}`);
  if (a.event) lines.push(...linkedEventLines(a.event, now));
  if (a.note) lines.push('', escapeMarkdown(a.note, '  \n'));
  return lines.join('  \n');
}

/** The event line of an annotation hover, with the event's date, place and articles when the folder still has it. */
function linkedEventLines(event: { id: string; label: string }, now: LinkedEventNow): string[] {
  const linked = `event: ${escapeMarkdown(event.label)} (${escapeMarkdown(event.id)})`;
  if (now === undefined) return [linked];
  if (now === null) return [linked, '_no event of the folder answers this link now (its articles changed or left)_'];
  const facts = [now.date ? humanDate(now.date) : 'undated', now.place, `${now.articles} articles`].filter(Boolean);
  const lines = [
    now.how === 'id'
      ? `${linked} · ${escapeMarkdown(facts.join(' · '))}`
      : `${linked}: found again as ${escapeMarkdown(now.label)} (${escapeMarkdown(now.id)}) · ` +
        escapeMarkdown(facts.join(' · ')),
  ];
  if (now.open) {
    const at = { path: now.open.path, start: now.open.start, end: now.open.end };
    lines.push(`also in ${commandLink(now.open.title, OPEN_MENTION_COMMAND, at)}`);
  }
  return lines;
}

// Hover Markdown of the suggestions the folder learned from the user (from their tags, proposed by the model, dimmed by
// it), with the command links that settle them. Article text and reasons are escaped; the only links are built here.
import { escapeMarkdown } from './hoverText';

export type LearnedKind = 'propagated' | 'proposed' | 'demoted';

/** One learned suggestion where the hover is, and what the links act on. */
export interface LearnedHoverItem {
  kind: LearnedKind;
  uri: string;
  start: number;
  end: number;
  text: string;
  /** The entity type or tag suggested (propagated, proposed) or doubted (demoted), lower case. */
  type: string;
  reason: string;
}

/** The commands the links of these hovers run: the hover trusts these and no others. */
export const LEARNED_HOVER_COMMANDS = [
  'articleAnnotator.acceptLearnedSuggestion',
  'articleAnnotator.rejectLearnedSuggestion',
  'articleAnnotator.acceptAllLearnedSuggestions',
  'articleAnnotator.rejectAllLearnedSuggestions',
  'articleAnnotator.restoreSuggestion',
];

const HEAD: Record<LearnedKind, string> = {
  propagated: 'Suggested from your tags',
  proposed: 'Suggested: looks like your tags',
  demoted: 'Dimmed: probably not',
};

/**
 * A command link whose arguments (with article text in them) cannot end the link early: parentheses, which
 * encodeURIComponent leaves as they are, are percent-encoded too.
 */
function commandLink(label: string, command: string, args: unknown): string {
  const encoded = encodeURIComponent(JSON.stringify(args)).replace(/[()]/g, (c) => '%' + c.charCodeAt(0).toString(16));
  return `[${escapeMarkdown(label)}](command:${command}?${encoded})`;
}

const code = (s: string) => '`' + s.replace(/`/g, "'") + '`';

export function learnedHoverText(item: LearnedHoverItem): string {
  const args = { uri: item.uri, start: item.start, end: item.end, tag: item.type, text: item.text };
  const article = /^[aeiou]/i.test(item.type) ? 'an ' : 'a ';
  const lines = [`**${HEAD[item.kind]}** ${item.kind === 'demoted' ? article : '· '}${code(item.type)}`];
  if (item.reason) lines.push(escapeMarkdown(item.reason));
  if (item.kind === 'demoted') {
    lines.push(commandLink('Restore this suggestion', 'articleAnnotator.restoreSuggestion', args));
    return lines.join('  \n');
  }
  const quoted = `“${item.text.length > 40 ? item.text.slice(0, 39) + '…' : item.text}”`;
  const links = [
    commandLink('Accept', 'articleAnnotator.acceptLearnedSuggestion', args),
    commandLink('Reject', 'articleAnnotator.rejectLearnedSuggestion', args),
  ];
  if (item.kind === 'propagated')
    links.push(
      commandLink(`Accept All ${quoted} in the folder`, 'articleAnnotator.acceptAllLearnedSuggestions', args),
      commandLink(`Reject All ${quoted} in the folder`, 'articleAnnotator.rejectAllLearnedSuggestions', args),
    );
  lines.push(links.join(' · '));
  return lines.join('  \n');
}

// Slugs for ids stored by users (events, quotes, annotations): lower case, words joined by hyphens.

export interface SlugOptions {
  /**
   * Drop accents ("Müller" → "muller"); when false an accent breaks the word as punctuation does ("mu-ller").
   * Quote ids were always made the second way and are stored by users, so they keep it. Default true.
   */
  stripAccents?: boolean;
  /** Keep letters and digits of every script ("서울"); default false: ASCII letters and digits only. */
  unicode?: boolean;
  /** Longest slug, cut after trimming (the cut may leave a trailing hyphen). */
  maxLength?: number;
  /** The slug of a text with no letter or digit kept; default ''. */
  fallback?: string;
}

export function slug(text: string, options: SlugOptions = {}): string {
  let s = text.toLowerCase().normalize('NFKD');
  if (options.stripAccents ?? true) s = s.replace(/[\u0300-\u036f]/g, '');
  s = s.replace(options.unicode ? /[^\p{L}\p{N}]+/gu : /[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  if (options.maxLength !== undefined) s = s.slice(0, options.maxLength);
  return s || (options.fallback ?? '');
}

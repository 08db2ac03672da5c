// Reads bylines — "By JANE DOE and LUIS GARCÍA", "By Jane Doe, Reuters", "Jane Doe | Staff Writer",
// "Reporting by Jane Doe; Editing by Sam Roe" — into authors and the outlet they write for.

export interface Byline {
  authors: string[];
  /** The outlet or wire the byline names ("Reuters"), if any. */
  source: string | null;
}

const WIRES = new Set([
  'reuters',
  'ap',
  'the associated press',
  'associated press',
  'afp',
  'agence france-presse',
  'agence france presse',
  'bloomberg',
  'bloomberg news',
  'yonhap',
  'kyodo',
  'kyodo news',
  'xinhua',
  'dpa',
  'efe',
  'ansa',
  'pa',
  'pa media',
  'upi',
  'cnn',
  'bbc',
  'bbc news',
  'tass',
  'anadolu',
  'aap',
  'cp',
  'the canadian press',
  'press association',
  'nyt',
  'the new york times',
  'the washington post',
]);
// An outlet named by its kind of title: "The Daily Courier", "Harbour Times", "Coast News Agency".
const OUTLET_RE = new RegExp(
  String.raw`^(?:the\s+)?(?:[A-Z][\w.'’&-]*\s+){0,4}(?:News|Times|Post|Press|Herald|Journal|Tribune` +
    String.raw`|Agency|Wire|Service|Telegraph|Gazette|Daily|Magazine|Courier|Chronicle|Observer|Standard|Mail` +
    String.raw`|Review|Bulletin|Radio|Television|TV)$`,
);
const ROLE_RE = new RegExp(
  String.raw`\b(writer|reporter|correspondent|editor|contributor|columnist|journalist|staff|bureau|chief` +
    String.raw`|analyst|producer|photographer|special to|senior|desk)\b`,
  'i',
);
const PARTICLES = new Set([
  'de',
  'da',
  'das',
  'do',
  'dos',
  'du',
  'del',
  'della',
  'der',
  'den',
  'van',
  'von',
  'la',
  'le',
  'bin',
  'binti',
  'al',
  'el',
  'ibn',
  'ter',
  'y',
]);
const NOT_NAME_WORDS = new Set([
  'the',
  'a',
  'an',
  'our',
  'staff',
  'news',
  'in',
  'on',
  'at',
  'for',
  'with',
  'from',
  'this',
  'that',
  'more',
  'all',
]);

export function isOutlet(piece: string): boolean {
  return WIRES.has(piece.toLowerCase()) || OUTLET_RE.test(piece);
}

/**
 * 1–5 capitalised words (particles and initials allowed), at least two of them: "Jane Doe", "J. R. Okafor", "Ana de la
 * Cruz".
 */
function isName(piece: string): boolean {
  const words = piece.split(/\s+/).filter(Boolean);
  if (words.length < 2 || words.length > 6) return false;
  let capitalised = 0;
  for (const w of words) {
    if (NOT_NAME_WORDS.has(w.toLowerCase())) return false;
    if (PARTICLES.has(w.toLowerCase()) || /^(al|el)-/i.test(w)) continue;
    if (!/^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(w)) return false;
    capitalised++;
  }
  return capitalised >= 2;
}

/** "JANE DOE" → "Jane Doe"; names already in mixed case are kept as written. */
function displayName(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name
    .split(/\s+/)
    .map((w) =>
      /^\p{Lu}\.$/u.test(w)
        ? w
        : w.toLowerCase().replace(/(^|[-'’])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase()),
    )
    .join(' ');
}

/** Splits the names part of a byline into names, outlets and roles; null when a piece is none of them. */
function readPieces(body: string): Byline | null {
  const authors: string[] = [];
  let source: string | null = null;
  const pieces = body
    .split(/\s*(?:,|;|\||•|·|\s&\s|\band\b|\bAND\b)\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  for (let piece of pieces) {
    // "Jane Doe in Brussels", "Jane Doe for The Courier": the place is not a name; the outlet is the source.
    const forOutlet = /^(.*?)\s+for\s+(.+)$/i.exec(piece);
    if (forOutlet && isOutlet(forOutlet[2])) {
      source ??= forOutlet[2];
      piece = forOutlet[1];
    }
    piece = piece.replace(/\s+in\s+\p{Lu}[\p{L}\s.'-]*$/u, '');
    if (!piece || ROLE_RE.test(piece)) continue;
    if (isOutlet(piece)) {
      source ??= piece;
      continue;
    }
    if (isName(piece)) authors.push(displayName(piece));
    else return null;
  }
  return authors.length || source ? { authors, source } : null;
}

/** A byline line, or null. The line is trimmed and holds nothing else (a date stamp is cut off by the caller). */
export function parseByline(line: string): Byline | null {
  const t = line.trim().replace(/[\s|•·,—–-]+$/, '');
  if (!t || t.length > 160) return null;
  const by = /^(?:words\s+|written\s+|story\s+|posted\s+)?by[:\s]\s*(.+)$/i.exec(t);
  if (by) return readPieces(by[1]);
  // "Jane Doe | Staff Writer", "Jane Doe, Reuters": a name and a role or an outlet, without "By".
  const pair = /^(.+?)\s*[|•·,]\s*(.+)$/.exec(t);
  if (pair && isName(pair[1]) && /^(follow|subscribe)$/i.test(pair[2]))
    return { authors: [displayName(pair[1])], source: null };
  if (pair && isName(pair[1]) && (ROLE_RE.test(pair[2]) || isOutlet(pair[2]))) return readPieces(t);
  return null;
}

/**
 * False when no beginning of the line can be a byline (parseByline is null for every prefix of it): it neither
 * opens with "By" nor names a person before its first separator. Spares finding where a long line's date stamp
 * starts only to try the words before it.
 */
export function mayOpenWithByline(line: string): boolean {
  const t = line.trimStart();
  if (/^(?:words\s+|written\s+|story\s+|posted\s+)?by[:\s]/i.test(t)) return true;
  const pair = /^(.+?)\s*[|•·,]/.exec(t);
  return !!pair && isName(pair[1]);
}

/** Reuters-style end credits: "Reporting by Jane Doe in Seoul; Additional reporting by …; Editing by …". */
export function parseCredits(line: string): Byline | null {
  const t = line.trim();
  if (t.length > 300 || !/^(?:\(?\s*)(?:additional\s+)?(?:reporting|writing|written|compiled)\s+by\b/i.test(t))
    return null;
  const authors: string[] = [];
  for (const part of t.replace(/^\(|\)$/g, '').split(/;/)) {
    const m = /^\s*(?:additional\s+)?(?:reporting|writing|written|compiled)\s+by\s+(.+)$/i.exec(part);
    if (!m) continue;
    const read = readPieces(m[1].replace(/\.$/, ''));
    if (read) authors.push(...read.authors);
  }
  return authors.length ? { authors, source: null } : null;
}

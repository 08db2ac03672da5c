// The web-page importer on the fixtures in test/fixtures/webpages/ (metadata and text against expected.json, no
// furniture in the body, non-articles refused) and on small pages for each metadata form and trust order.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { extractWebPage } from '../../../../src/core/importers/webPage';
import { cleanUrl, normaliseDate, splitAuthors } from '../../../../src/core/importers/webPageMetadata';
import {
  decodeHtml,
  importWebPage,
  importWebPageFiles,
  slugify,
  writeNewFile,
} from '../../../../src/core/importers/webPageFiles';

const FIXTURES = path.join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'webpages');

interface Expected {
  article: boolean;
  title?: string;
  authors?: string[];
  source?: string | null;
  site?: string | null;
  published?: string;
  slug?: string;
  body?: string[];
  furniture?: string[];
}
const EXPECTED = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as Record<string, Expected>;

/** Front matter and body of an imported Markdown file. */
function split(markdown: string): { front: Record<string, unknown>; body: string } {
  const m = /^---\n([^]*?)\n---\n([^]*)$/.exec(markdown);
  assert.ok(m, 'the file starts with YAML front matter between --- lines');
  return { front: parseYaml(m[1]) as Record<string, unknown>, body: m[2] };
}

describe('web-page importer: fixtures', () => {
  for (const [file, want] of Object.entries(EXPECTED)) {
    it(`${file}: ${want.article ? 'metadata, text and no furniture' : 'refused as not an article'}`, async () => {
      const page = await importWebPage(fs.readFileSync(path.join(FIXTURES, file), 'utf8'), { importedFrom: file });
      if (!want.article) {
        assert.strictEqual(page.ok, false);
        if (!page.ok) assert.match(page.reason, /not an article/);
        return;
      }
      assert.ok(page.ok, page.ok ? '' : page.reason);
      const { front, body } = split(page.markdown);
      assert.strictEqual(front.title, want.title);
      assert.deepStrictEqual(front.authors, want.authors);
      assert.strictEqual(front.source ?? null, want.source);
      assert.strictEqual(front.site ?? null, want.site);
      assert.strictEqual(front.published, want.published);
      assert.strictEqual(front.imported_from, file);
      assert.strictEqual(slugify(page.title), want.slug);
      assert.ok(body.startsWith(`\n# ${want.title}\n\n`), 'the headline opens the body');
      for (const text of want.body ?? []) assert.ok(body.includes(text), `body has “${text}”`);
      for (const text of want.furniture ?? []) assert.ok(!body.includes(text), `body has no “${text}”`);
      assert.doesNotMatch(body, /<\/?[a-z][^>]*>/i, 'no HTML');
      assert.doesNotMatch(body, /!\[|\]\(/, 'no images or links');
      assert.doesNotMatch(body, /\n{3}/, 'paragraphs separated by one blank line');
    });
  }
});

const page = (head: string, body = ARTICLE_BODY) =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const ld = (json: unknown) => `<script type="application/ld+json">${JSON.stringify(json)}</script>`;
const ARTICLE_BODY = `<article><h1>Tide gauge replaced</h1>${[1, 2, 3]
  .map(
    (i) =>
      `<p>Paragraph ${i}: the harbour engineers replaced the old tide gauge at the north pier, which had been ` +
      'giving readings that were several centimetres out since the storm.</p>',
  )
  .join('')}</article>`;

function meta(html: string) {
  const r = extractWebPage(html);
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return r.metadata;
}

describe('web-page importer: metadata forms and order of trust', () => {
  it('JSON-LD: NewsArticle in an array, author as a string byline, publisher as an object, mainEntityOfPage', () => {
    const m = meta(
      page(
        ld([
          { '@type': 'WebPage', name: 'x' },
          {
            '@type': 'NewsArticle',
            headline: 'Gauge',
            author: 'By Ann Lee and Bo Park',
            publisher: { '@type': 'Organization', name: 'Pier News' },
            mainEntityOfPage: 'https://pier.example/gauge',
            datePublished: '2023-04-05',
          },
        ]),
      ),
    );
    assert.deepStrictEqual(
      [m.title, m.authors, m.site, m.source, m.published],
      ['Gauge', ['Ann Lee', 'Bo Park'], 'Pier News', 'https://pier.example/gauge', '2023-04-05'],
    );
  });

  it('JSON-LD: @graph with the author and the publisher by @id, author as an array of strings', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@id': '#p', '@type': 'Person', name: 'Cy Ng' },
        {
          '@type': 'ReportageNews',
          headline: 'Gauge',
          author: [{ '@id': '#p' }, 'Di Roe'],
          url: 'https://pier.example/g?utm_source=x&id=4',
          datePublished: '2023-04-05T06:07:08Z',
        },
      ],
    };
    const m = meta(page(ld(graph)));
    assert.deepStrictEqual(
      [m.authors, m.source, m.published],
      [['Cy Ng', 'Di Roe'], 'https://pier.example/g?id=4', '2023-04-05T06:07:08Z'],
    );
  });

  it('trust: JSON-LD over OpenGraph over <time datetime> over meta tags', () => {
    const og =
      '<meta property="og:title" content="OG title"><meta property="article:published_time" content="2023-02-02">' +
      '<meta property="og:site_name" content="OG site">';
    const metas =
      '<meta name="author" content="Meta Author"><meta name="date" content="2023-04-04">' +
      '<link rel="canonical" href="https://pier.example/canonical">';
    const time = '<time datetime="2023-03-03">3 March</time>';
    const all = meta(
      page(
        ld({ '@type': 'NewsArticle', headline: 'LD title', datePublished: '2023-01-01' }) + og + metas,
        time + ARTICLE_BODY,
      ),
    );
    assert.deepStrictEqual(
      [all.title, all.published, all.site, all.authors, all.source],
      ['LD title', '2023-01-01', 'OG site', ['Meta Author'], 'https://pier.example/canonical'],
    );
    assert.strictEqual(meta(page(og + metas, time + ARTICLE_BODY)).published, '2023-02-02');
    assert.strictEqual(meta(page(metas, time + ARTICLE_BODY)).published, '2023-03-03');
    assert.strictEqual(meta(page(metas)).published, '2023-04-04');
  });

  it('meta tags: parsely-pub-date, pubdate, dc.date; a profile URL is no author; the saved-from address last', () => {
    assert.strictEqual(
      meta(page('<meta name="parsely-pub-date" content="2022-12-31T23:00:00+0530">')).published,
      '2022-12-31T23:00:00+05:30',
    );
    assert.strictEqual(meta(page('<meta name="pubdate" content="20221130">')).published, '2022-11-30');
    assert.strictEqual(meta(page('<meta name="DC.date" content="2022-10-29">')).published, '2022-10-29');
    assert.deepStrictEqual(meta(page('<meta property="article:author" content="https://facebook.com/x">')).authors, []);
    assert.strictEqual(
      meta('<!-- saved from url=(0025)https://pier.example/saved -->\n' + page('')).source,
      'https://pier.example/saved',
    );
  });

  it('a <time> marked as the publication time wins over an earlier one', () => {
    const body =
      '<p><time datetime="2021-01-01">updated</time></p>' +
      '<p><time itemprop="datePublished" datetime="2020-06-07">7 June</time></p>' +
      ARTICLE_BODY;
    assert.strictEqual(meta(page('', body)).published, '2020-06-07');
  });

  it('a broken JSON-LD block does not stop the other sources', () => {
    const m = meta(
      page('<script type="application/ld+json">{ not json</script><meta property="og:title" content="Still here">'),
    );
    assert.strictEqual(m.title, 'Still here');
  });
});

describe('web-page importer: helpers', () => {
  it('normaliseDate keeps ISO dates and offsets, reads compact and written dates, refuses nonsense', () => {
    assert.strictEqual(normaliseDate('2024-06-21T17:45-04:00'), '2024-06-21T17:45:00-04:00');
    assert.strictEqual(normaliseDate('2024-06-21 17:45:10.123Z'), '2024-06-21T17:45:10Z');
    assert.strictEqual(normaliseDate('June 21, 2024'), '2024-06-21');
    assert.strictEqual(normaliseDate('Fri, 21 Jun 2024 17:45:00 GMT'), '2024-06-21T17:45:00Z');
    assert.strictEqual(normaliseDate('2024-02-30'), null);
    assert.strictEqual(normaliseDate('yesterday'), null);
  });

  it('splitAuthors and cleanUrl', () => {
    assert.deepStrictEqual(splitAuthors('By Ann Lee, Bo Park & Cy Ng'), ['Ann Lee', 'Bo Park', 'Cy Ng']);
    assert.deepStrictEqual(splitAuthors('Ann Lee | Staff writer'), ['Ann Lee']);
    assert.strictEqual(cleanUrl('javascript:alert(1)'), null);
    assert.strictEqual(cleanUrl('/relative'), null);
  });

  it('slugify makes short ASCII file names', () => {
    assert.strictEqual(slugify('Élysée: “Straße” & Co. — 2024!'), 'elysee-strasse-co-2024');
    assert.strictEqual(slugify('???'), 'article');
    assert.ok(slugify('word '.repeat(40)).length <= 60);
  });

  it('decodeHtml follows the declared charset', () => {
    const bytes = Buffer.concat([
      Buffer.from('<meta charset="windows-1252"><p>caf'),
      Buffer.from([0xe9, 0x20, 0x93, 0x61, 0x94]),
      Buffer.from('</p>'),
    ]);
    assert.match(decodeHtml(bytes), /café “a”/);
  });

  it('Markdown-looking lines of text are escaped, not turned into headings or lists', async () => {
    const first = `# 1 in the charts: ${'the band topped the charts again this week after a long wait. '.repeat(4)}`;
    const second = 'More words about the band and its tour. '.repeat(6);
    const body = `<article><h1>T</h1><p>${first}</p><p>${second}</p></article>`;
    const r = await importWebPage(page('', body));
    assert.ok(r.ok);
    assert.match(r.markdown, /\n\\# 1 in the charts/);
  });
});

describe('web-page importer: files', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-webpage-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes <slug>.md beside the page, then -2, -3, never over a file, and leaves the page untouched', async () => {
    const src = path.join(dir, 'saved.html');
    fs.copyFileSync(path.join(FIXTURES, 'library-strike-opengraph.html'), src);
    const before = fs.readFileSync(src);
    const results = await importWebPageFiles([src, src, src]);
    const written = results.map((r) => (r.ok ? path.basename(r.written) : r.reason));
    assert.deepStrictEqual(written, [
      'library-strike-ends-after-11-days.md',
      'library-strike-ends-after-11-days-2.md',
      'library-strike-ends-after-11-days-3.md',
    ]);
    assert.deepStrictEqual(fs.readFileSync(src), before);
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), [
      'library-strike-ends-after-11-days-2.md',
      'library-strike-ends-after-11-days-3.md',
      'library-strike-ends-after-11-days.md',
      'saved.html',
    ]);
  });

  it('a non-article and an unreadable file are results with a reason, and write nothing', async () => {
    const out = path.join(dir, 'out');
    const results = await importWebPageFiles(
      [path.join(FIXTURES, 'politics-section-front.html'), path.join(dir, 'missing.html')],
      out,
    );
    assert.deepStrictEqual(
      results.map((r) => r.ok),
      [false, false],
    );
    assert.match(results[1].ok ? '' : results[1].reason, /ENOENT/);
    assert.ok(!fs.existsSync(out) || fs.readdirSync(out).length === 0);
  });

  it('writeNewFile leaves no temporary file behind', async () => {
    fs.writeFileSync(path.join(dir, 'a.md'), 'mine');
    assert.strictEqual(path.basename(await writeNewFile(dir, 'a', 'new')), 'a-2.md');
    assert.strictEqual(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), 'mine');
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['a-2.md', 'a.md']);
  });
});

// Every invented article in test/fixtures/layouts gets the title, publication date, dateline, authors and
// outlet its expected.yaml gives, and the analysis resolves the story's relative dates against that date.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { analyzeArticle } from '../../../src/core/analyze';

const DIR = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'layouts');

interface Expected {
  layout: string;
  title: string;
  published: string | null;
  note?: string;
  dateline: string | null;
  authors: string[];
  source: string | null;
  resolves?: Record<string, string>;
}

describe('layouts: article metadata from the layouts outlets use', () => {
  const expected: Record<string, Expected> = parseYaml(fs.readFileSync(path.join(DIR, 'expected.yaml'), 'utf8'));
  const files = fs.readdirSync(DIR).filter((f) => f !== 'expected.yaml');

  it('has an expectation for every fixture file, and at least a dozen layouts', () => {
    assert.deepStrictEqual(files.sort(), Object.keys(expected).sort());
    assert.ok(files.length >= 12);
  });

  for (const [file, want] of Object.entries(expected)) {
    it(`${file}: ${want.layout}`, () => {
      const text = fs.readFileSync(path.join(DIR, file), 'utf8');
      const a = analyzeArticle(text, file);
      const { article } = a;
      assert.strictEqual(article.title, want.title, 'title');
      assert.strictEqual(
        article.published?.value ?? null,
        want.published,
        `published (${article.published?.reason ?? article.meta?.publishedNote})`,
      );
      assert.strictEqual(article.meta?.dateline ?? null, want.dateline, 'dateline');
      assert.deepStrictEqual(article.meta?.authors, want.authors, 'authors');
      assert.strictEqual(article.source, want.source, 'source');
      if (want.note) assert.match(article.meta?.publishedNote ?? '', new RegExp(want.note));
      if (article.published) {
        assert.match(article.published.reason, /\(line \d+/, 'the reason names the line');
        assert.ok(article.published.evidence && article.published.evidence.end > article.published.evidence.start);
      }
      for (const [phrase, value] of Object.entries(want.resolves ?? {})) {
        const d = a.dates.find((x) => x.text === phrase);
        assert.ok(d, `"${phrase}" is found`);
        assert.strictEqual(d.value, value, `"${phrase}" resolves against the publication date`);
      }
      // Names in the byline are metadata: none of them is returned as a person of the story.
      const names = new Set(want.authors.flatMap((n) => n.toLowerCase().split(/\s+/)));
      for (const e of a.entities)
        assert.ok(
          !names.has(e.text.toLowerCase().split(/\s+/)[0]) || e.type !== 'PERSON',
          `${e.text} is an author, not a person of the story`,
        );
      for (const m of [...a.entities, ...a.dates]) {
        assert.strictEqual(text.slice(m.start, m.end), m.text, 'offsets are into the whole file');
        assert.ok(
          !article.boilerplate.some((b) => m.start >= b.start && m.start < b.end),
          `${m.text} is not in furniture or metadata`,
        );
      }
    });
  }
});

// Settings are read (and written) only through src/extension/config.ts, so each has one name and one default.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const EXTENSION = path.join(__dirname, '..', '..', '..', '..', 'src', 'extension');

function sources(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
    );
}

describe('settings access in src/extension', () => {
  it('calls getConfiguration only in config.ts', () => {
    const files = sources(EXTENSION);
    assert.ok(
      files.some((f) => f.endsWith(path.join('extension', 'config.ts'))),
      `config.ts not found under ${EXTENSION}`,
    );
    const offenders = files.filter(
      (f) => path.relative(EXTENSION, f) !== 'config.ts' && /\bgetConfiguration\s*\(/.test(fs.readFileSync(f, 'utf8')),
    );
    assert.deepStrictEqual(
      offenders.map((f) => path.relative(EXTENSION, f)),
      [],
    );
  });
});

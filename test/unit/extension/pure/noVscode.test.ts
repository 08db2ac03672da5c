// src/extension/pure/ holds the extension's modules that run (and are unit-tested) without the vscode API.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const PURE = path.join(__dirname, '..', '..', '..', '..', '..', 'src', 'extension', 'pure');

// import … from 'vscode', import('vscode'), require('vscode'), and type-only imports alike.
const imports = /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]vscode['"]/;

function sources(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
    );
}

describe('src/extension/pure', () => {
  it('has its modules, and none of them imports vscode', () => {
    const files = sources(PURE);
    assert.ok(files.length >= 6, `expected the pure modules in ${PURE}, found ${files.length}`);
    const offenders = files.filter((f) => imports.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(PURE, f));
    assert.deepStrictEqual(offenders, []);
  });

  it('recognises an import of vscode when there is one', () => {
    for (const s of [
      "import * as vscode from 'vscode';",
      'import type { Uri } from "vscode";',
      "const v = require('vscode');",
      "import 'vscode';",
    ])
      assert.ok(imports.test(s), s);
    assert.ok(!imports.test("import { x } from './vscodeAdapter';"));
  });
});

// The architecture rules that a linter does not know, checked with the TypeScript compiler API:
// no function in src/ over 100 lines; src/core imports neither `vscode` nor src/extension nor the CLI;
// src/extension and the CLI (src/cli.ts, src/cli/) do not import each other.
// Usage: node scripts/check-structure.mjs [--max-lines N]. Prints each finding as file:line and exits 1 if any.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const maxArg = process.argv.indexOf('--max-lines');
const MAX_FUNCTION_LINES = maxArg > 0 ? Number(process.argv[maxArg + 1]) : 100;

/** The layer a path in src/ belongs to, or undefined outside the three layers. */
function layerOf(file) {
  const rel = path.relative(path.join(root, 'src'), file).split(path.sep).join('/');
  if (rel.startsWith('..')) return undefined;
  if (rel.startsWith('core/')) return 'core';
  if (rel.startsWith('extension/')) return 'extension';
  if (rel === 'cli.ts' || rel.startsWith('cli/')) return 'cli';
  return undefined;
}

// from-layer → layers it must not import.
const FORBIDDEN = {
  core: ['extension', 'cli'],
  extension: ['cli'],
  cli: ['extension'],
};

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return walk(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Every module specifier of a file: import/export declarations, `import x = require()`, require() and import(). */
function moduleSpecifiers(sf) {
  const found = [];
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const e = node.moduleReference.expression;
      if (ts.isStringLiteral(e)) found.push(e);
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) {
        found.push(node.arguments[0]);
      }
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      if (ts.isStringLiteral(node.argument.literal)) found.push(node.argument.literal);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function functionName(node) {
  if (node.name) return node.name.getText();
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && parent.name) {
    return parent.name.getText();
  }
  return '(anonymous)';
}

const findings = [];
const at = (sf, pos) => `${path.relative(root, sf.fileName)}:${sf.getLineAndCharacterOfPosition(pos).line + 1}`;

for (const file of walk(path.join(root, 'src'))) {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const layer = layerOf(file);

  for (const spec of moduleSpecifiers(sf)) {
    const name = spec.text;
    if (layer === 'core' && (name === 'vscode' || name.startsWith('vscode/'))) {
      findings.push({ kind: 'vscode-in-core', where: at(sf, spec.getStart()), text: `src/core imports '${name}'` });
      continue;
    }
    if (!name.startsWith('.')) continue;
    const target = layerOf(path.resolve(path.dirname(file), name));
    if (layer && target && FORBIDDEN[layer].includes(target)) {
      findings.push({
        kind: 'layer-import',
        where: at(sf, spec.getStart()),
        text: `${layer} imports ${target} ('${name}')`,
      });
    }
  }

  const visit = (node) => {
    if (ts.isFunctionLike(node) && node.body) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = sf.getLineAndCharacterOfPosition(node.end).line;
      const lines = end - start + 1;
      if (lines > MAX_FUNCTION_LINES) {
        findings.push({
          kind: 'long-function',
          where: at(sf, node.getStart()),
          text: `function ${functionName(node)} has ${lines} lines (max ${MAX_FUNCTION_LINES})`,
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

for (const f of findings) console.log(`${f.where}  ${f.text}  [${f.kind}]`);
if (findings.length) {
  const byKind = {};
  for (const f of findings) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
  const summary = Object.entries(byKind)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  console.log(`check-structure: ${findings.length} problem(s): ${summary}`);
  process.exit(1);
}
console.log('check-structure: ok');

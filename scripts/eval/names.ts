// Scores findEntities against MEANTIME's named people, organisations and places (relaxed overlap matching).
//
// Convention: gold = entity mentions with syntactic_type 'NAM', type PER/ORG/LOC, in_doc_level_scope true
// (PER→PERSON, ORG→ORGANIZATION, LOC→PLACE). A gold mention is found when a system mention of the same type
// overlaps it. A system mention of those three types that starts before doc_level_scope_end is correct when it
// overlaps a gold mention of its type. NATIONALITY is not scored (MEANTIME does not annotate it as a name).
// A second line reports the same with PRE.NAM gold added ("Apple" in "Apple Computer CEO"), for information.

import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { findEntities, entityId } from '../../src/core/entities';
import { linkEntities } from '../../src/core/aliases';
import { EntityType } from '../../src/core/model';
import { EvalReport, prf } from './types';

interface GoldEntity {
  start: number;
  end: number;
  text: string;
  type: string | null;
  syntactic_type: string | null;
  in_doc_level_scope: boolean;
}
interface Doc {
  topic: string;
  doc: string;
  text: string;
  doc_level_scope_end: number;
  entities: GoldEntity[];
}

const TYPE_MAP: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORGANIZATION', LOC: 'PLACE' };
const SCORED: EntityType[] = ['PERSON', 'ORGANIZATION', 'PLACE'];

interface Counts {
  correct: number;
  system: number;
  found: number;
  gold: number;
}
const zero = (): Counts => ({ correct: 0, system: 0, found: 0, gold: 0 });

export interface NameErrors {
  missed: string[];
  spurious: string[];
}

function fixturePath(): string {
  return path.join(__dirname, '../../../test/fixtures/meantime/meantime-airbus-apple.json');
}

function score(docs: Doc[], syntactic: Set<string>, errors?: NameErrors): Map<string, Counts> {
  const table = new Map<string, Counts>();
  const bump = (key: string, f: (c: Counts) => void) => {
    if (!table.has(key)) table.set(key, zero());
    f(table.get(key)!);
  };
  for (const d of docs) {
    const topic = d.topic.replace(/^corpus_/, '');
    const gold = d.entities
      .filter((e) => e.in_doc_level_scope && e.type && TYPE_MAP[e.type] && syntactic.has(e.syntactic_type ?? ''))
      .map((e) => ({ ...e, t: TYPE_MAP[e.type!] }));
    const system = findEntities(d.text).filter((m) => SCORED.includes(m.type) && m.start < d.doc_level_scope_end);
    const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
      a.start < b.end && b.start < a.end;
    for (const g of gold) {
      const hit = system.some((s) => s.type === g.t && overlaps(s, g));
      for (const k of [`${topic}/${g.t}`, `${topic}/ALL`, `ALL/${g.t}`, 'ALL/ALL'])
        bump(k, (c) => {
          c.gold++;
          if (hit) c.found++;
        });
      if (!hit && errors) errors.missed.push(`${topic} ${g.t} "${g.text}" in ${d.doc.slice(0, 40)}`);
    }
    for (const s of system) {
      const ok = gold.some((g) => g.t === s.type && overlaps(s, g));
      for (const k of [`${topic}/${s.type}`, `${topic}/ALL`, `ALL/${s.type}`, 'ALL/ALL'])
        bump(k, (c) => {
          c.system++;
          if (ok) c.correct++;
        });
      if (!ok && errors) errors.spurious.push(`${topic} ${s.type} "${s.text}" in ${d.doc.slice(0, 40)}`);
    }
  }
  return table;
}

function f1Of(c: Counts): { p: number; r: number; f1: number } {
  const p = c.system ? c.correct / c.system : 0;
  const r = c.gold ? c.found / c.gold : 0;
  return { p, r, f1: prf(1, 1, 1) && p + r ? (2 * p * r) / (p + r) : 0 };
}

export async function evaluate(errors?: NameErrors): Promise<EvalReport> {
  const docs: Doc[] = JSON.parse(fs.readFileSync(fixturePath(), 'utf8'));
  const table = score(docs, new Set(['NAM']), errors);
  const withPre = score(docs, new Set(['NAM', 'PRE.NAM']));
  const lines: string[] = ['gold: NAM mentions in scope, relaxed overlap, same type; NATIONALITY not scored'];
  const fmt = (x: number) => x.toFixed(3);
  for (const topic of ['airbus', 'apple', 'ALL']) {
    for (const t of [...SCORED, 'ALL']) {
      const c = table.get(`${topic}/${t}`) ?? zero();
      const s = f1Of(c);
      lines.push(
        `${topic.padEnd(6)} ${t.padEnd(12)} P ${fmt(s.p)} R ${fmt(s.r)} F1 ${fmt(s.f1)}  (system ${c.system}, gold ${c.gold})`,
      );
    }
  }
  const all = f1Of(table.get('ALL/ALL') ?? zero());
  const pre = f1Of(withPre.get('ALL/ALL') ?? zero());
  lines.push(`with PRE.NAM gold added: P ${fmt(pre.p)} R ${fmt(pre.r)} F1 ${fmt(pre.f1)}`);
  const metrics: Record<string, number> = { f1: all.f1, precision: all.p, recall: all.r };
  for (const t of SCORED) metrics[`f1${t[0]}${t.slice(1).toLowerCase()}`] = f1Of(table.get(`ALL/${t}`) ?? zero()).f1;
  for (const topic of ['airbus', 'apple']) metrics[`f1_${topic}`] = f1Of(table.get(`${topic}/ALL`) ?? zero()).f1;
  return { name: 'names (MEANTIME)', metrics, lines, target: { metric: 'f1', min: 0.8 } };
}

/** The seeds: does every spelling listed in seeds-events.yaml (section entities) end up under one identity? */
export async function evaluateSeeds(): Promise<EvalReport> {
  const root = path.join(__dirname, '../../..');
  const seedDir = path.join(root, 'seeds');
  const gold = parseYaml(fs.readFileSync(path.join(root, 'test/fixtures/seeds-events.yaml'), 'utf8')) as {
    entities: Array<{ name: string; type: string; aliases: string[] }>;
  };
  const articles = fs
    .readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ path: f, entities: findEntities(fs.readFileSync(path.join(seedDir, f), 'utf8')) }));
  linkEntities(articles);
  const lines: string[] = [];
  let joined = 0;
  let total = 0;
  for (const e of gold.entities) {
    const type: EntityType = e.type === 'person' ? 'PERSON' : e.type === 'place' ? 'PLACE' : 'ORGANIZATION';
    const id = entityId(type, e.name);
    const missing = e.aliases.filter(
      (alias) => !articles.some((a) => a.entities.some((m) => m.text === alias && m.id === id)),
    );
    total += e.aliases.length;
    joined += e.aliases.length - missing.length;
    lines.push(
      `${e.name.padEnd(14)} ${e.aliases.length - missing.length}/${e.aliases.length} spellings under ${id}${missing.length ? ` — missing: ${missing.join(', ')}` : ''}`,
    );
  }
  return {
    name: 'names (seed spellings)',
    metrics: { aliasRecall: total ? joined / total : 0 },
    lines,
    target: { metric: 'aliasRecall', min: 1 },
  };
}

if (require.main === module) {
  const verbose = process.argv.includes('--errors');
  const errors: NameErrors | undefined = verbose ? { missed: [], spurious: [] } : undefined;
  void evaluate(errors).then(async (r) => {
    for (const report of [r, await evaluateSeeds()]) {
      console.log(report.name);
      for (const l of report.lines) console.log('  ' + l);
    }
    if (errors) {
      console.log('\nMISSED');
      for (const m of errors.missed) console.log('  ' + m);
      console.log('\nSPURIOUS');
      for (const s of errors.spurious) console.log('  ' + s);
    }
  });
}

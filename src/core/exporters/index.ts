// Exporters (W3C JSON-LD, brat, CoNLL, CSV, JSONL), importers
// (W3C, brat) of annotation records, and the files they make.
export * from './record';
export * from './w3c';
export * from './brat';
export * from './conll';
export * from './csv';
export * from './jsonl';
export * from './files';

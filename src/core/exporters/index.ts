// Exporters (W3C JSON-LD, brat, CoNLL, CSV, JSONL) and importers (W3C, brat) of annotation records.
export * from './record';
export * from './w3c';
export * from './brat';
export * from './conll';
export * from './csv';
export * from './jsonl';

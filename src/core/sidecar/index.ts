// The sidecar: the user's annotations of an article in a YAML file beside it (schema, YAML, store, re-anchoring,
// the working shape the editor uses, and reading and updating the files).
export * from './schema';
export * from './decisions';
export * from './yaml';
export * from './store';
export * from './reanchor';
export * from './annotationData';
export * from './files';
export * from './merge';
export * from './mergeFiles';

// The sidecar: the user's annotations of an article in a YAML file beside it (schema, YAML, store, re-anchoring).
export * from './schema';
export * from './yaml';
export * from './store';
export * from './reanchor';

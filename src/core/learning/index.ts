// The folder learns from the user's decisions: tags propagated, folder-wide rejections applied, and the adaptive
// model's re-scoring (features.ts, model.ts, suggest.ts). Pure TypeScript, no vscode.
export * from './features';
export * from './model';
export * from './suggest';

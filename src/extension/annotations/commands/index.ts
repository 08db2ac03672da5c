// The annotation commands, one register step per family. Each works on the selection (or the word at the cursor),
// asks with a quick pick only when its options object does not say, and refuses clearly in Restricted Mode or when
// the sidecar is broken (see shared.ts).
import * as vscode from 'vscode';
import { registerEditingCommands } from './editing';
import { registerLearnedCommands } from './learned';
import { registerLinkingCommands } from './linking';
import { registerNavigationCommands } from './navigation';
import { registerPublicationDateCommands } from './publicationDate';
import { registerReviewCommands } from './review';
import { command, CommandDeps } from './shared';
import { registerSuggestionCommands } from './suggestions';
import { registerTaggingCommands } from './tagging';

export type { CommandDeps } from './shared';
export { wordOccurrences } from './tagging';

function registerExchangeCommands(deps: CommandDeps): vscode.Disposable[] {
  return [
    command('exportAnnotations', deps.exportAnnotations, deps.log),
    command('importAnnotations', deps.importAnnotations, deps.log),
  ];
}

export function registerAnnotationCommands(deps: CommandDeps): vscode.Disposable[] {
  return [
    ...registerTaggingCommands(deps),
    ...registerLinkingCommands(deps),
    ...registerSuggestionCommands(deps),
    ...registerPublicationDateCommands(deps),
    ...registerEditingCommands(deps),
    ...registerNavigationCommands(deps),
    ...registerExchangeCommands(deps),
    ...registerReviewCommands(deps),
    ...registerLearnedCommands(deps),
  ];
}

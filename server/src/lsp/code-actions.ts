/** Code actions for PodSec diagnostics (stub: the quick-fix issue implements it). */
import type { CodeAction, CodeActionParams } from 'vscode-languageserver';
import type { DocumentState, FixSettings } from './document-state';

export const FIX_ALL_KIND = 'source.fixAll.podsec';

export function provideCodeActions(_params: CodeActionParams, _state: DocumentState, _settings: FixSettings): CodeAction[] {
  return [];
}

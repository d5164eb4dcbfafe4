/** Reasons the engine did not (fully) analyse a file or document; each becomes one finding of its own rule id. */
import type { Severity, Span } from '../types';
import { formatCount } from './limits';

export type ProblemRuleId = 'fileTooLarge' | 'binaryFile' | 'yamlTooDeep' | 'yamlAliasLimit' | 'internalError';

/** What each of these rule ids means, for rule listings (SARIF descriptors, docs, the configuration catalog). */
export const PARSE_PROBLEM_RULES: Readonly<Record<ProblemRuleId, { title: string; description: string }>> = {
  fileTooLarge: {
    title: 'File too large to analyse',
    description: 'The file is larger than the size limit, or has more YAML tokens or documents than PodSec reads; it (or the rest of it) was not analysed.',
  },
  binaryFile: { title: 'Binary file', description: 'The file contains NUL characters (binary data, or UTF-16 without a byte order mark); it was not analysed.' },
  yamlTooDeep: { title: 'Nesting too deep', description: 'The document nests collections deeper than PodSec follows; it was not analysed.' },
  yamlAliasLimit: {
    title: 'Alias expansion too large',
    description: 'Expanding the document\'s aliases and merge keys would create too many nodes (a "billion laughs" document), or an alias is used inside its own anchor; Kubernetes rejects such documents, and it was not analysed.',
  },
  internalError: { title: 'Internal error', description: 'PodSec failed while analysing the document; the other documents were still analysed. Please report it.' },
};

export interface ParseProblem {
  ruleId: ProblemRuleId;
  severity: Severity;
  message: string;
  span: Span;
}

export function fileTooLarge(bytes: string, limit: string): ParseProblem {
  return { ruleId: 'fileTooLarge', severity: 'info', message: `File not analysed: its size (${bytes}) exceeds the limit of ${limit}`, span: { start: 0, end: 0 } };
}

export function parsingStopped(offset: number, what: 'YAML tokens' | 'documents', limit: number): ParseProblem {
  return {
    ruleId: 'fileTooLarge',
    severity: 'info',
    message: `Analysis stopped here: the file has more than ${formatCount(limit)} ${what}; the rest of the file was not analysed`,
    span: { start: offset, end: offset },
  };
}

export function binaryFile(): ParseProblem {
  return {
    ruleId: 'binaryFile',
    severity: 'info',
    message: 'File not analysed: it contains NUL characters, so it is binary (or UTF-16 text without a byte order mark)',
    span: { start: 0, end: 0 },
  };
}

export function tooDeep(offset: number, limit: number, textLength: number): ParseProblem {
  return {
    ruleId: 'yamlTooDeep',
    severity: 'warning',
    message: `Document not analysed: its collections are nested more than ${formatCount(limit)} levels deep`,
    span: { start: offset, end: Math.min(offset + 1, textLength) },
  };
}

export function aliasExpansion(span: Span, alias: string, limit: number): ParseProblem {
  return {
    ruleId: 'yamlAliasLimit',
    severity: 'error',
    message: `Document not analysed: expanding its aliases would add more than ${formatCount(limit)} nodes (first exceeded at *${alias}); Kubernetes rejects such documents`,
    span,
  };
}

export function aliasCycle(span: Span, alias: string): ParseProblem {
  return {
    ruleId: 'yamlAliasLimit',
    severity: 'error',
    message: `Document not analysed: alias *${alias} is used inside its own anchor &${alias}, so its expansion never ends; Kubernetes rejects such documents`,
    span,
  };
}

export function internalError(span: Span, error: unknown, what: 'file' | 'document'): ParseProblem {
  return {
    ruleId: 'internalError',
    severity: 'warning',
    message: `PodSec could not analyse this ${what} (internal error: ${errorMessage(error)}); please report this`,
    span,
  };
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return String(error);
  } catch {
    return 'unknown error';
  }
}

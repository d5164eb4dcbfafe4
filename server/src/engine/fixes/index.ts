/** Quick fixes, suppression comments and fix-all (pure: text and findings in, text edits out). */
export type { TextEdit, Fix, FixOptions, FixValue, ResourceDefaults } from './types';
export { DEFAULT_NON_ROOT_USER_ID, DEFAULT_RESOURCE_DEFAULTS } from './types';
export { fixesFor, mayHavePreferredFix, preferredFix } from './fixes-for';
export type { FixesForOptions } from './fixes-for';
export { disableLineFix, disableDocumentFix } from './disable';
export { fixAll, makeRestrictedCompliant, sameWorkload } from './fix-all';
export type { FixAllOptions, FixAllResult, WorkloadRef } from './fix-all';
export { applyEdits, combineEdits } from './apply';
export { diffLines, splitLines, lineDiffEdits } from './line-diff';
export type { LineHunk } from './line-diff';
export { RULE_FIXERS } from './rules';
export { ruleDocsUrl } from './docs-url';
export { fixAllInParts, inFile, WHOLE_FILE_FIXERS } from './fix-all-parts';
export type { TextPart, PartFixAllOptions } from './fix-all-parts';

/** Incremental lint: `---` documents parsed and evaluated on their own, reused while their text and reads hold. */
export { lintIncrementally, commonEnds, overTokenBudget } from './lint-incremental';
export type { IncrementalLint, IncrementalOptions, IncrementalUnit, UnitFindings } from './lint-incremental';
export { lintUnit, unitFindings } from './lint-unit';
export type { UnitContext, UnitLint, UnitHardening } from './lint-unit';
export { changeScope, DependencyRecorder, dependenciesHold, IN_DEFAULT_NAMESPACE, mayDependOn } from './recorded-index';
export type { AnswerMemo, ChangeScope, IndexDependency, PartPlace } from './recorded-index';
export { planUnits, brokenEnds } from './units';
export type { PlannedUnit, UnitSource, BrokenEnds } from './units';
export { splitDocuments } from '../parse/split-documents';
export type { SplitDocuments } from '../parse/split-documents';
export { factsOfText } from './facts-of-text';
export { slicesOf } from './lint-incremental';

// What the fixture workspace (test/e2e/workspace) contains and what PodSec must report on it.
// Rule ids and docs come from the engine itself (run the e2e tests with `node --import tsx`).
import fs from 'node:fs';
import path from 'node:path';
import { PSS_RULES } from '../../server/src/engine/rules/pss/index.ts';
import { REPO } from './harness.mjs';

export const WEB = 'web.yaml';                     // Deployment `web` in namespace `shop`
export const NAMESPACES = 'namespaces.yaml';       // Namespace `shop`: enforce restricted, warn restricted
export const CI_WORKFLOW = '.github/workflows/ci.yaml'; // not Kubernetes, has `privileged: true`

/** web.yaml under restricted: line 24 is the container's `securityContext:`, 25 `privileged: true`, 26 `capabilities:`. */
export const WEB_FINDINGS = [
  'allowPrivilegeEscalation@24:11 error', 'capabilities_restricted@26:13 error', 'privileged@25:25 error',
  'runAsNonRoot@24:11 error', 'seccompProfile_restricted@24:11 error',
];
export const WEB_ERROR_SQUIGGLES = ['24:error', '25:error', '26:error'];

export const rule = (id) => PSS_RULES.find((r) => r.id === id);
const PSS_IDS = new Set(PSS_RULES.map((r) => r.id));

/** The Problems entries of `file` that come from PodSec's Pod Security Standards rules. */
export const pssProblems = (entries, file) => entries.filter((p) => p.file === file && p.source === 'podsec' && PSS_IDS.has(p.code));

/** Markdown as the hover renders it: no backticks or emphasis markers. */
export const rendered = (markdown) => markdown.replace(/[`*]/g, '');

export const golden = (name) => fs.readFileSync(path.join(REPO, 'test/e2e/golden', name), 'utf8');

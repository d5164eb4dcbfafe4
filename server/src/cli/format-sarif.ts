/** SARIF 2.1.0 as GitHub code scanning reads it: rules with help and helpUri, results with physical locations. */
import type { RuleCategory, Severity } from '../engine';
import type { UNUSED_DIRECTIVE_RULE, YAML_SYNTAX_RULE } from '../engine/config';
import type { ProblemRuleId } from '../engine/parse/problems';
import { allRuleInfos } from '../engine/rules/catalog';
import type { FileFinding } from './report';

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: string };
  properties: { tags: string[]; precision: string; 'problem.severity': string };
}

const SCOPE: Record<Exclude<RuleCategory, 'pss' | 'syntax'>, string> = {
  hardening: 'Hardening check',
  network: 'Network check',
  rbac: 'RBAC check',
};

function ruleDescriptors(): SarifRule[] {
  const rules: SarifRule[] = allRuleInfos().map((r) => {
    const scope = r.category === 'pss' || r.category === 'syntax'
      ? r.level ? `Pod Security Standards, ${r.level}, since ${r.since}` : 'Pod Security Admission, Namespace labels'
      : `${SCOPE[r.category]}, not part of the Pod Security Standards`;
    const severity = r.level ? 'error' : r.defaultSeverity === 'info' || r.defaultSeverity === 'hint' ? 'recommendation' : r.defaultSeverity ?? 'warning';
    return {
      id: r.id,
      name: r.id.replace(/(^|_)([a-z])/g, (_m, _s, c: string) => c.toUpperCase()),
      shortDescription: { text: r.title },
      fullDescription: { text: stripMarkdown(r.summary) },
      help: {
        text: `${stripMarkdown(r.summary)}\nWhy: ${stripMarkdown(r.why)}${r.allowed ? `\nAllowed: ${stripMarkdown(r.allowed)}` : ''}\nFix: ${stripMarkdown(r.fix)}`,
        markdown: `**${r.title}** (${scope})\n\n${r.summary}\n\n**Why it matters:** ${r.why}\n\n${r.allowed ? `**Allowed:** ${r.allowed}\n\n` : ''}**Fix:** ${r.fix}\n\n[Documentation](${r.url})`,
      },
      helpUri: r.url,
      defaultConfiguration: { level: r.level ? 'error' : SARIF_LEVEL[r.defaultSeverity ?? 'warning'] },
      properties: { tags: ['security', 'kubernetes', r.category, ...(r.level ? [r.level] : [])], precision: 'very-high', 'problem.severity': severity },
    };
  });
  for (const [id, d] of Object.entries(NOT_CHECKS)) rules.push(notCheck(id, d));
  return rules;
}

interface NotCheck {
  title: string;
  description: string;
  severity: Severity;
  helpUri?: string;
}

/** Findings that are not checks of a manifest: syntax, suppression comments, and files not (fully) analysed. */
const NOT_CHECKS: Record<typeof YAML_SYNTAX_RULE | typeof UNUSED_DIRECTIVE_RULE | ProblemRuleId, NotCheck> = {
  yamlSyntax: {
    title: 'YAML syntax error',
    description: 'The document is not valid YAML, so it cannot be checked. Fix the YAML syntax error.',
    severity: 'error',
    helpUri: 'https://yaml.org/spec/1.2.2/',
  },
  unusedDirective: {
    title: 'Unused or invalid suppression comment',
    description: 'A podsec-disable comment that suppresses nothing, names an unknown rule, or is misplaced. Remove it or correct it; set the rule unusedDirective to off to hide these.',
    severity: 'hint',
  },
  fileTooLarge: {
    title: 'File too large to analyse',
    description: 'The file, or the part of it after this point, exceeds a size limit and was not analysed.',
    severity: 'info',
  },
  binaryFile: {
    title: 'Binary file',
    description: 'The file contains NUL characters and was not analysed.',
    severity: 'info',
  },
  yamlTooDeep: {
    title: 'YAML nested too deeply',
    description: 'The document nests collections deeper than the limit and was not analysed.',
    severity: 'warning',
  },
  yamlAliasLimit: {
    title: 'YAML alias expansion too large',
    description: 'Expanding the document\'s aliases would exceed the limit (or never end); Kubernetes rejects such documents, and it was not analysed.',
    severity: 'error',
  },
  internalError: {
    title: 'Internal error',
    description: 'PodSec could not analyse the document because of an internal error; please report it.',
    severity: 'warning',
  },
};

function notCheck(id: string, d: NotCheck): SarifRule {
  return {
    id,
    name: id.charAt(0).toUpperCase() + id.slice(1),
    shortDescription: { text: d.title },
    fullDescription: { text: d.description },
    help: { text: d.description, markdown: d.description },
    ...(d.helpUri ? { helpUri: d.helpUri } : {}),
    defaultConfiguration: { level: SARIF_LEVEL[d.severity] },
    properties: { tags: ['syntax'], precision: 'very-high', 'problem.severity': d.severity === 'error' || d.severity === 'warning' ? d.severity : 'recommendation' },
  };
}

function stripMarkdown(s: string): string {
  return s.replace(/`/g, '');
}

export function formatSarif(findings: FileFinding[], version: string): string {
  const rules = ruleDescriptors();
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'podsec', semanticVersion: version, version, informationUri: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/', rules } },
      columnKind: 'utf16CodeUnits',
      results: findings.map((f) => ({
        ruleId: f.ruleId,
        ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
        level: SARIF_LEVEL[f.severity],
        message: { text: f.note ? `${f.message}. ${f.note}` : f.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: toUri(f.file) },
            region: {
              startLine: f.range.start.line + 1,
              startColumn: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1,
            },
          },
        }],
        properties: { category: f.category, ...(f.object ? { object: f.object, policy: f.policy, mode: f.mode } : {}) },
      })),
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function toUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/').replace(/^\.\//, '');
}

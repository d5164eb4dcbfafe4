/** SARIF 2.1.0 as GitHub code scanning reads it: rules with help and helpUri, results with physical locations. */
import { allRuleInfos } from '../engine/rules/catalog';
import type { FileFinding } from './report';

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: string };
  properties: { tags: string[]; precision: string; 'problem.severity': string };
}

function ruleDescriptors(): SarifRule[] {
  const rules: SarifRule[] = allRuleInfos().map((r) => {
    const scope = r.level ? `Pod Security Standards, ${r.level}, since ${r.since}` : `${r.category} hardening (not part of the Pod Security Standards)`;
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
  rules.push({
    id: 'yamlSyntax',
    name: 'YamlSyntax',
    shortDescription: { text: 'YAML syntax error' },
    fullDescription: { text: 'The document is not valid YAML, so it cannot be checked.' },
    help: { text: 'Fix the YAML syntax error.', markdown: 'Fix the YAML syntax error.' },
    helpUri: 'https://yaml.org/spec/1.2.2/',
    defaultConfiguration: { level: 'error' },
    properties: { tags: ['syntax'], precision: 'very-high', 'problem.severity': 'error' },
  });
  return rules;
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
        ...(f.object ? { properties: { object: f.object, policy: f.policy, mode: f.mode } } : {}),
      })),
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function toUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/').replace(/^\.\//, '');
}

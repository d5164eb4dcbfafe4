// Builds the benchmark corpora from a seed and writes them under bench/.corpus/ (git-ignored), so other YAML
// language servers can be run on exactly the same files.
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { appBundle, NAMESPACES, namespaceDoc } from './manifests.mjs';
import { Rng } from './prng.mjs';

/** The single-file corpora: name -> approximate line count. */
export const SINGLE_FILE_CORPORA = { small: 100, medium: 2_000, large: 20_000 };
export const WORKSPACE_FILES = 2_000;
export const CORPUS_NAMES = [...Object.keys(SINGLE_FILE_CORPORA), 'workspace'];

const KIND_FILE = { Deployment: 'deployment', StatefulSet: 'statefulset', DaemonSet: 'daemonset', CronJob: 'cronjob', Job: 'job', Pod: 'pod',
  Service: 'service', ConfigMap: 'configmap', ServiceAccount: 'rbac', Role: 'rbac', ClusterRole: 'rbac', RoleBinding: 'rbac',
  ClusterRoleBinding: 'rbac', NetworkPolicy: 'networkpolicy', HorizontalPodAutoscaler: 'hpa' };

const kindOf = (doc) => (doc.join('\n').match(/kind: (\w+)/) ?? [])[1] ?? 'Unknown';
const lineCount = (text) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

/** The first workloads of every single-file corpus: one that breaks Baseline, one that only misses Restricted. */
const FORCED = [{ kind: 'pod', profile: 'violating', sidecars: 0 }, { kind: 'deployment', profile: 'restricted', sidecars: 0 }, { profile: 'none' }];

/** One multi-document file of about `targetLines` lines, as a rendered chart bundle looks. */
export function singleFileText(seed, targetLines) {
  const rng = new Rng(seed ^ targetLines);
  const parts = [`# Generated benchmark corpus (seed ${seed}, about ${targetLines} lines). Rendered-chart style.`];
  let lines = 1;
  const add = (doc, source) => {
    const text = (source ? `# Source: ${source}\n` : '') + doc.join('\n');
    parts.push(parts.length === 1 ? text : `---\n${text}`);
    lines += lineCount(text) + (parts.length > 2 ? 1 : 0);
  };
  // Big bundles carry their Namespaces, so the policy of many objects comes from labels in the same file.
  const namespaces = targetLines >= 1_000 ? NAMESPACES : NAMESPACES.slice(0, 1);
  for (const ns of namespaces) add(namespaceDoc(rng, ns), 'platform/templates/namespaces.yaml');
  // Stop near the target: skip a document that would overshoot it by more than 10% once the file is half full.
  const done = () => lines >= targetLines * 0.98;
  for (let i = 0; !done(); i++) {
    const bundle = appBundle(rng, i, FORCED[i]);
    for (const doc of bundle.docs) {
      if (done()) break;
      if (lines > targetLines / 2 && lines + doc.length > targetLines * 1.1) continue;
      add(doc, `${bundle.app}/templates/${KIND_FILE[kindOf(doc)] ?? 'other'}.yaml`);
    }
  }
  return `${parts.join('\n')}\n`;
}

const NOT_MANIFESTS = [
  (rng) => ['# Helm values', `replicaCount: ${rng.int(1, 5)}`, 'image:', '  repository: registry.example.com/app', '  tag: ""', 'service:', '  type: ClusterIP', '  port: 80',
    'ingress:', '  enabled: false', 'resources: {}', 'nodeSelector: {}', 'tolerations: []'],
  (rng) => ['version: "3.8"', 'services:', '  app:', '    build: .', '    ports: ["8080:8080"]', '    environment:', `      - LOG_LEVEL=${rng.pick(['debug', 'info'])}`, '  db:', '    image: postgres:16'],
  () => ['apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomization', 'resources:', '  - deployment.yaml', '  - service.yaml', 'commonLabels:', '  owner: platform'],
  (rng) => ['name: ci', 'on: [push, pull_request]', 'jobs:', '  test:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: actions/checkout@v4', `      - run: make test -j${rng.int(2, 8)}`],
];

/** path (relative) -> text for a repo of `count` files: Namespaces, apps split per kind, some JSON, some non-manifests. */
export function workspaceFiles(seed, count = WORKSPACE_FILES) {
  const rng = new Rng(seed ^ 0x5eed);
  const files = new Map();
  for (const ns of NAMESPACES) files.set(`namespaces/${ns.name}.yaml`, `${namespaceDoc(rng, ns).join('\n')}\n`);
  const teams = ['team-core', 'team-data', 'team-edge', 'team-payments', 'team-infra', 'team-ml'];
  for (let i = 0; files.size < count; i++) {
    const r = rng.int(0, 99);
    if (r < 4) {
      const which = rng.int(0, NOT_MANIFESTS.length - 1);
      files.set(`misc/${['values', 'docker-compose', 'kustomization', 'ci'][which]}-${i}.yml`, `${NOT_MANIFESTS[which](rng).join('\n')}\n`);
      continue;
    }
    const bundle = appBundle(rng, i);
    const dir = `apps/${rng.pick(teams)}/${bundle.app}`;
    if (r < 6) {
      // Some repos keep manifests as JSON.
      const workload = bundle.docs.find((d) => KIND_FILE[kindOf(d)] && !['service', 'configmap', 'rbac'].includes(KIND_FILE[kindOf(d)])) ?? bundle.docs[0];
      files.set(`${dir}/${KIND_FILE[kindOf(workload)] ?? 'manifest'}.json`, `${JSON.stringify(parseYaml(workload.join('\n')), null, 2)}\n`);
      continue;
    }
    if (r < 30) {
      files.set(`${dir}/all.yaml`, `${bundle.docs.map((d) => d.join('\n')).join('\n---\n')}\n`);
      continue;
    }
    const byFile = new Map();
    for (const doc of bundle.docs) {
      const name = `${dir}/${KIND_FILE[kindOf(doc)] ?? 'other'}.yaml`;
      byFile.set(name, [...(byFile.get(name) ?? []), doc]);
    }
    for (const [name, docs] of byFile) {
      if (files.size >= count) break;
      files.set(name, `${docs.map((d) => d.join('\n')).join('\n---\n')}\n`);
    }
  }
  return files;
}

/**
 * The workspace file a user would open and edit: the first Deployment of at least 80 lines whose namespace (labelled
 * in namespaces/) warns or enforces Restricted, without runAsNonRoot (so it has findings to hover and fix).
 */
export function workspaceFileToEdit(files) {
  for (const [rel, text] of files) {
    if (rel.endsWith('/deployment.yaml') && lineCount(text) >= 80 && /namespace: (payments|legacy|data|edge)\n/.test(text) && !/runAsNonRoot: true/.test(text)) return rel;
  }
  return [...files.keys()].find((rel) => rel.startsWith('apps/'));
}

export function writeSingleFile(corpusDir, name, text) {
  const dir = path.join(corpusDir, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'manifest.yaml');
  fs.writeFileSync(file, text);
  return { dir, file };
}

export function writeWorkspace(corpusDir, files) {
  const dir = path.join(corpusDir, 'workspace');
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [rel, text] of files) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

export { lineCount };

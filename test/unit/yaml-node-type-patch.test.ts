// The bundles patch yaml's node constructors (build/yaml-node-type-plugin.mjs) so that a node takes its type from
// its class's prototype (server/src/engine/parse/yaml-node-types.ts) instead of a property defined on every node.
// The unit tests run yaml unpatched; this test bundles parseManifest as esbuild.mjs does and checks that the patch
// is applied and changes nothing that can be read: node kinds as yaml's own predicates see them, ranges, values,
// tags, JS values, written text, errors and objects, over the fuzz corpus and texts made for the rarer node classes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';
import * as yaml from 'yaml';
import { parseManifest } from '../../server/src/engine/parse/documents';
import { yamlNodeTypePlugin } from '../../build/yaml-node-type-plugin.mjs';
import { CORPUS } from './fuzz/corpus';

const ROOT = path.resolve(__dirname, '../..');
type Yaml = typeof yaml;
type Bundled = { parseManifest: typeof parseManifest; yaml: Yaml };

const NODE_TYPE = Symbol.for('yaml.node.type');

const RARE_NODES = [
  'base: &b {cpu: 1, memory: 2Gi}\nlimits:\n  <<: *b\n  cpu: 2\nlist: [*b, *b]\n',
  '--- !!omap\n- a: 1\n- b: 2\n--- !!set\n? a\n? b\n--- !!pairs\n- a: 1\n',
  '? [complex, key]\n: value\n"quoted": \'single\'\nblock: |\n  text\nfolded: >-\n  more\n',
  '%YAML 1.1\n---\nyes: on\n~: null\n0x1F: 0o17\n',
  'a: [1, 2\nb: : c\n  - bad indent\n',
  'kind: Pod\napiVersion: v1\nspec:\n  containers: [{name: a, image: b, securityContext: {privileged: true}}]\n',
];

async function build(dir: string): Promise<Bundled> {
  const entry = path.join(dir, 'entry.ts');
  fs.writeFileSync(entry, `export { parseManifest } from ${JSON.stringify(path.join(ROOT, 'server/src/engine/parse/documents'))};\nexport * as yaml from 'yaml';\n`);
  const outfile = path.join(dir, 'bundle.js');
  await esbuild.build({
    entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent',
    absWorkingDir: ROOT, alias: { yaml: './node_modules/yaml/browser/index.js' }, plugins: [yamlNodeTypePlugin],
  });
  return createRequire(__filename)(outfile) as Bundled;
}

/** A node tree as plain data, its kinds told by the predicates of the yaml copy that made it. */
function tree(y: Yaml, node: unknown): unknown {
  if (node === null || node === undefined) return node;
  if (y.isPair(node)) return { pair: [tree(y, node.key), tree(y, node.value)] };
  if (!y.isNode(node)) return { notANode: String(node) };
  const base = { range: node.range, tag: node.tag, anchor: node.anchor };
  if (y.isAlias(node)) return { ...base, alias: node.source };
  if (y.isScalar(node)) return { ...base, scalar: scalarValue(node.value), type: node.type, source: node.source, format: node.format };
  const kind = y.isMap(node) ? 'map' : y.isSeq(node) ? 'seq' : 'other';
  // esbuild may rename a bundled class `_YAMLOMap`.
  return { ...base, [kind]: (node as yaml.YAMLMap | yaml.YAMLSeq).items.map((i) => tree(y, i)), className: node.constructor.name.replace(/^_+/, '') };
}

/** Each yaml copy has its own merge-key symbol (`Symbol('<<')`, not registered): compared by description. */
function scalarValue(v: unknown): unknown {
  if (typeof v === 'symbol') return { symbol: v.description };
  return v instanceof Uint8Array ? [...v] : v;
}

function ownTypes(node: unknown, out: string[]): void {
  if (!node || typeof node !== 'object') return;
  if (Object.prototype.hasOwnProperty.call(node, NODE_TYPE)) out.push(node.constructor.name);
  if ('key' in node) ownTypes(node.key, out);
  if ('value' in node && typeof node.value === 'object') ownTypes(node.value, out);
  if ('items' in node && Array.isArray(node.items)) for (const i of node.items) ownTypes(i, out);
}

function documentData(y: Yaml, parsed: ReturnType<typeof parseManifest>) {
  return {
    problems: parsed.problems?.map((p) => p.message),
    documents: parsed.documents.map((d) => ({
      span: d.span, errors: d.errors, problems: d.problems?.map((p) => p.message),
      objects: d.objects.map((o) => ({ kind: o.kind, name: o.name, namespace: o.namespace, apiVersion: o.apiVersion })),
      tree: tree(y, d.doc.contents), js: d.doc.toJS({ maxAliasCount: -1, mapAsMap: true }), text: d.doc.errors.length ? undefined : String(d.doc),
    })),
  };
}

test('the bundled parse gives node types through the prototypes and reads every text as unpatched yaml does', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podsec-node-type-'));
  try {
    const bundled = await build(dir);
    let nodes = 0;
    for (const text of [...CORPUS, ...RARE_NODES]) {
      const patched = bundled.parseManifest(text);
      assert.deepEqual(documentData(bundled.yaml, patched), documentData(yaml, parseManifest(text)), text);
      const own: string[] = [];
      for (const d of patched.documents) {
        ownTypes(d.doc.contents, own);
        bundled.yaml.visit(d.doc, { Node: () => void nodes++, Pair: () => void nodes++ });
      }
      // Only the patch removes these; a Document keeps its own (there is one per `---`).
      assert.deepEqual(own, [], `nodes with their own type property in:\n${text}`);
    }
    assert.ok(nodes > 500, `only ${nodes} nodes compared`);
    // Nodes made by hand (as fixes make them) are what they say.
    const y = bundled.yaml;
    assert.ok(y.isScalar(new y.Scalar(1)) && y.isMap(new y.YAMLMap()) && y.isSeq(new y.YAMLSeq()) && y.isPair(new y.Pair(null)) && y.isAlias(new y.Alias('a')));
    assert.ok(!y.isMap(new y.YAMLSeq()) && !y.isScalar(new y.Pair(null)));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the build stops when a yaml version no longer has the line the plugin patches', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podsec-node-type-'));
  try {
    const nodes = path.join(dir, 'node_modules/yaml/browser/dist/nodes');
    fs.mkdirSync(nodes, { recursive: true });
    fs.writeFileSync(path.join(nodes, 'Node.js'), 'export class NodeBase { constructor(type) { this.type = type; } }\n');
    fs.writeFileSync(path.join(dir, 'entry.js'), `export { NodeBase } from './node_modules/yaml/browser/dist/nodes/Node.js';\n`);
    await assert.rejects(
      esbuild.build({ entryPoints: [path.join(dir, 'entry.js')], bundle: true, write: false, logLevel: 'silent', plugins: [yamlNodeTypePlugin] }),
      /yaml-node-type: 'Object\.defineProperty\(this, NODE_TYPE, \{ value: type \}\);' is not in .*Node\.js exactly once/,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// An esbuild plugin for the bundles: yaml's node constructors (NodeBase, which Scalar, YAMLMap, YAMLSeq and Alias
// extend, and Pair) mark every node with `Object.defineProperty(this, NODE_TYPE, ...)`, a slow runtime call per
// node: about a tenth of a warm parse and a third of a cold one. The patched constructors skip it when the node's
// prototype already carries that type, as `server/src/engine/parse/yaml-node-types.ts` arranges for the five node
// classes. A node of any other class, or of a mismatched type, still gets its own property, as in yaml.
import fs from 'node:fs';

const PATCHES = [
  { file: 'Node.js', from: 'Object.defineProperty(this, NODE_TYPE, { value: type });', to: 'if (this[NODE_TYPE] !== type) Object.defineProperty(this, NODE_TYPE, { value: type });' },
  { file: 'Pair.js', from: 'Object.defineProperty(this, NODE_TYPE, { value: PAIR });', to: 'if (this[NODE_TYPE] !== PAIR) Object.defineProperty(this, NODE_TYPE, { value: PAIR });' },
];

export const yamlNodeTypePlugin = {
  name: 'yaml-node-type',
  setup(build) {
    build.onLoad({ filter: /[\\/]yaml[\\/]browser[\\/]dist[\\/]nodes[\\/](Node|Pair)\.js$/ }, (args) => {
      const patch = PATCHES.find((p) => args.path.endsWith(p.file));
      const source = fs.readFileSync(args.path, 'utf8');
      // A yaml release that changed these lines must be looked at, not bundled unpatched without notice.
      if (source.split(patch.from).length !== 2) throw new Error(`yaml-node-type: '${patch.from}' is not in ${args.path} exactly once; update build/yaml-node-type-plugin.mjs for this yaml version`);
      return { contents: source.replace(patch.from, patch.to), loader: 'js' };
    });
  },
};

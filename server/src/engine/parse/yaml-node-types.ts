/**
 * Declares each yaml node class's type on its prototype (the symbols yaml itself reads with `isScalar`, `isMap`,
 * ...: registered with `Symbol.for`, so they are the same in any copy of yaml). The bundles' patched yaml
 * constructors (`build/yaml-node-type-plugin.mjs`) then skip defining the type on every node, which cost about a
 * tenth of a parse. Without that patch (tests run yaml unbundled) each node still has its own type property, which
 * shadows these: harmless either way.
 */
import { Alias, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

const NODE_TYPE = Symbol.for('yaml.node.type');

const TYPES: [object, string][] = [
  [Alias.prototype, 'yaml.alias'],
  [Pair.prototype, 'yaml.pair'],
  [Scalar.prototype, 'yaml.scalar'],
  [YAMLMap.prototype, 'yaml.map'],
  [YAMLSeq.prototype, 'yaml.seq'],
];

for (const [prototype, type] of TYPES) {
  if (!Object.prototype.hasOwnProperty.call(prototype, NODE_TYPE)) Object.defineProperty(prototype, NODE_TYPE, { value: Symbol.for(type) });
}

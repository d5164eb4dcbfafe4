// Bundles the CLI, the language server and the VS Code client into dist/ (one file each, CommonJS, Node).
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import { yamlNodeTypePlugin } from './build/yaml-node-type-plugin.mjs';

const production = process.argv.includes('--production');
const entries = [
  { in: 'server/src/cli/main.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  { in: 'server/src/server.ts', out: 'server' },
  { in: 'client/src/extension.ts', out: 'extension' },
].filter((e) => fs.existsSync(e.in));

await Promise.all(entries.map((e) => esbuild.build({
  entryPoints: [e.in],
  outfile: `dist/${e.out}.js`,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  // yaml's ES module build (the same code as its CommonJS one): bundled as ESM its functions are called directly
  // instead of through CommonJS re-export getters, and it has no per-token `process.env` read (the CommonJS parser
  // checks LOG_TOKENS for every token). Together about 15% of a parse and a third of the rules' time.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  plugins: [yamlNodeTypePlugin],
  sourcemap: !production,
  minify: production,
  banner: e.banner ? { js: e.banner } : undefined,
  logLevel: 'warning',
  define: { PODSEC_VERSION: JSON.stringify(JSON.parse(fs.readFileSync('package.json', 'utf8')).version) },
})));
if (fs.existsSync('dist/cli.js')) fs.chmodSync('dist/cli.js', 0o755);

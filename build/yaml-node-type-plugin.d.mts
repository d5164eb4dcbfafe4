import type { Plugin } from 'esbuild';

export declare const yamlNodeTypePlugin: Plugin;

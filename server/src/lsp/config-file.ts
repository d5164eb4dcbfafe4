/**
 * Seam for the `.podsec.yaml` loader: the server reads the file at each workspace folder root (open editor text
 * wins over disk), watches it, and calls this function with its text. Returning undefined means "no config";
 * problems are published as diagnostics on the file. The engine's pure parser validates it.
 */
import { parseConfig } from '../engine/config/parse-config';
import type { ParsedConfig } from '../engine/config/types';

export const CONFIG_FILE_NAME = '.podsec.yaml';

export function loadWorkspaceConfig(text: string): ParsedConfig | undefined {
  return parseConfig(text);
}

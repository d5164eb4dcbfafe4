/**
 * The `podsec.*` settings the client forwards to the server (every contributed setting except `trace.server`,
 * which the client itself handles). A unit test keeps this list equal to package.json.
 */
export const FORWARDED_SETTINGS: readonly string[] = [
  'enforce',
  'warn',
  'audit',
  'version',
  'defaultNamespace',
  'namespaces',
  'maxFileSize',
  'rules',
  'fix.nonRootUserId',
  'fix.resources',
  'hardening.requireCpuLimits',
  'hardening.requireImageDigest',
];

/** Puts `value` at a dotted key: `fix.nonRootUserId` -> `{ fix: { nonRootUserId } }`, the shape VS Code returns. */
export function setDotted(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}

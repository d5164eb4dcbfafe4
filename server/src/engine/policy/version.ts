/**
 * Pod Security policy versions. A version is `latest` or `v1.<minor>`; every check implementation has a
 * minimum minor, and the implementation with the largest minimum <= the requested minor applies.
 */

/** The newest released Kubernetes minor this project knows; `latest` evaluates as this (the v1.35 rules). */
export const NEWEST_RELEASED_MINOR = 36;
/** The newest policy version at which any check changes (v1.37 sysctls, unreleased); explicit versions clamp here. */
export const NEWEST_KNOWN_MINOR = 37;

const VERSION_PATTERN = /^v1\.(0|[1-9][0-9]*)$/;

export function isValidVersion(value: string): boolean {
  return value === 'latest' || VERSION_PATTERN.test(value);
}

/** The minor whose rules apply for a (valid) version string; invalid strings evaluate as `latest`. */
export function effectiveMinor(version: string): number {
  const m = VERSION_PATTERN.exec(version);
  if (!m) return NEWEST_RELEASED_MINOR;
  return Math.min(Number(m[1]), NEWEST_KNOWN_MINOR);
}

/**
 * Paths a container must still be able to write when its root filesystem is read-only: `/tmp` for every image,
 * plus, for a few common images, where they are known to write at run time. Kept short on purpose: an entry is
 * only here when the official image writes there with its default configuration. Images are matched on their
 * repository without registry or `library/` (`docker.io/library/nginx:1.27` is `nginx`), never on a prefix, so a
 * differently built image (`bitnami/nginx`) gets `/tmp` only.
 */
import { parseImage } from '../../rules/hardening/containers';

export interface WritablePath {
  path: string;
  /** The name the emptyDir volume gets (made unique in the pod). */
  volume: string;
  /** A data directory: skipped as well when something is already mounted inside it (the data lives there). */
  data?: boolean;
}

export const TMP: WritablePath = { path: '/tmp', volume: 'tmp' };

export const IMAGE_WRITABLE_PATHS: ReadonlyMap<string, readonly WritablePath[]> = new Map(Object.entries({
  // Temp files for proxied and uploaded bodies (/var/cache/nginx/*_temp) and the pid file (/var/run/nginx.pid).
  nginx: [{ path: '/var/cache/nginx', volume: 'nginx-cache' }, { path: '/var/run', volume: 'nginx-run' }],
  // Built to run read-only: its pid file and temp paths are already in /tmp.
  'nginxinc/nginx-unprivileged': [],
  // The working directory where RDB and AOF files are written.
  redis: [{ path: '/data', volume: 'redis-data', data: true }],
  // The socket and lock directory, and the data directory (PGDATA is /var/lib/postgresql/data up to 17 and
  // /var/lib/postgresql/<major>/docker from 18, so the parent covers both).
  postgres: [{ path: '/var/run/postgresql', volume: 'postgres-run' }, { path: '/var/lib/postgresql', volume: 'postgres-data', data: true }],
  // The pid file (logs/httpd.pid); the logs themselves go to stdout and stderr.
  httpd: [{ path: '/usr/local/apache2/logs', volume: 'httpd-logs' }],
}));

/** `registry.example.com:5000/library/nginx:1.27@sha256:…` -> `nginx`. */
export function imageRepository(image: string): string {
  let parts = parseImage(image.trim()).name.split('/');
  if (parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === 'localhost')) parts = parts.slice(1);
  if (parts.length > 1 && parts[0] === 'library') parts = parts.slice(1);
  return parts.join('/');
}

/** The paths an image needs writable: `/tmp` first, then the image's own. */
export function writablePaths(image: string | undefined): WritablePath[] {
  const own = image ? IMAGE_WRITABLE_PATHS.get(imageRepository(image)) ?? [] : [];
  return [TMP, ...own];
}

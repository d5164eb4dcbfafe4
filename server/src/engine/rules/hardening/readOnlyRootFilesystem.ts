/*
 * readOnlyRootFilesystem (hardening; not part of any PSS profile)
 * Containers should run with a read-only root filesystem, writing only to mounted volumes.
 * Fields: spec.{initContainers,containers}[*].securityContext.readOnlyRootFilesystem; Windows pods are skipped.
 */
import { containerAnchor } from '../anchors';
import { isWindowsPod, longRunningContainers } from './containers';
import type { HardeningRule } from './rule';

export const readOnlyRootFilesystem: HardeningRule = {
  id: 'readOnlyRootFilesystem',
  category: 'hardening',
  defaultSeverity: 'warning',
  check({ pod }) {
    if (!pod || isWindowsPod(pod)) return [];
    const r = pod.reader;
    return longRunningContainers(pod).flatMap((c) => {
      const value = r.path(c.ref, 'securityContext', 'readOnlyRootFilesystem');
      if (r.bool(value) === true) return [];
      const span = value && value.node ? value.span : containerAnchor(pod, c, ['securityContext', 'readOnlyRootFilesystem']);
      return [{ span, message: `container "${c.name}" should set securityContext.readOnlyRootFilesystem=true` }];
    });
  },
  docs: {
    title: 'Read-only root filesystem',
    summary: 'Containers should set `securityContext.readOnlyRootFilesystem: true` and write only to mounted volumes (for example `emptyDir` for `/tmp`). Not part of the Pod Security Standards.',
    why: 'An attacker who gets code execution in a container with a writable root filesystem can drop tools and binaries, tamper with the application and persist across processes; a read-only root makes the image immutable at run time.',
    fix: 'Set `readOnlyRootFilesystem: true` and mount `emptyDir` volumes at the paths the application writes to (`/tmp`, caches, pid files).',
    url: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
    fields: ['readOnlyRootFilesystem'],
  },
};

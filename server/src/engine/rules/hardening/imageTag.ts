/*
 * imageTag (hardening)
 * Images should name a tag other than `latest` (or a digest); with `requireImageDigest`, a digest is required.
 */
import { parseImage } from './containers';
import type { HardeningRule } from './rule';

export const imageTag: HardeningRule = {
  id: 'imageTag',
  category: 'hardening',
  defaultSeverity: 'warning',
  check({ pod, settings }) {
    if (!pod) return [];
    const r = pod.reader;
    return pod.containers.flatMap((c) => {
      const ref = r.child(c.ref, 'image');
      const image = r.str(ref);
      if (!ref || !image) return [];
      const { tag, digest } = parseImage(image);
      if (digest) return [];
      if (tag === undefined) return [{ span: ref.span, message: `container "${c.name}" uses image "${image}" without a tag, which means "latest"` }];
      if (tag === 'latest') return [{ span: ref.span, message: `container "${c.name}" uses image "${image}" with the mutable tag "latest"` }];
      if (settings.requireImageDigest) return [{ span: ref.span, message: `container "${c.name}" uses image "${image}" without a digest (@sha256:…)` }];
      return [];
    });
  },
  docs: {
    title: 'Image tag',
    summary: 'Images should be pinned to a version tag or a digest, never `latest` or no tag.',
    why: '`latest` changes under you: a node may run a different (possibly compromised or broken) image than the one reviewed, and rollbacks cannot return to a known state.',
    fix: 'Use an explicit version tag, or better an immutable digest (`image@sha256:…`).',
    url: 'https://kubernetes.io/docs/concepts/containers/images/#image-names',
    fields: ['image'],
  },
};

/*
 * imagePullPolicy (hardening)
 * An image not pinned by digest should be pulled with `imagePullPolicy: Always`, so a node never runs a stale or
 * locally replaced image under a mutable tag. Defaulting: no policy means Always for `latest`/no tag, IfNotPresent
 * otherwise.
 */
import { parseImage } from './containers';
import type { HardeningRule } from './rule';

export const imagePullPolicy: HardeningRule = {
  id: 'imagePullPolicy',
  category: 'hardening',
  defaultSeverity: 'info',
  check({ pod }) {
    if (!pod) return [];
    const r = pod.reader;
    return pod.containers.flatMap((c) => {
      const imageRef = r.child(c.ref, 'image');
      const image = r.str(imageRef);
      if (!imageRef || !image) return [];
      const { tag, digest } = parseImage(image);
      if (digest) return [];
      const policyRef = r.child(c.ref, 'imagePullPolicy');
      const explicit = r.str(policyRef);
      const effective = explicit ?? (tag === undefined || tag === 'latest' ? 'Always' : 'IfNotPresent');
      if (effective === 'Always') return [];
      const shownTag = tag ?? 'latest';
      return [{
        span: policyRef && explicit ? policyRef.span : imageRef.span,
        message: `container "${c.name}" uses the mutable tag "${shownTag}" with imagePullPolicy ${effective}${explicit ? '' : ' (the default)'}; set imagePullPolicy: Always or pin a digest`,
      }];
    });
  },
  docs: {
    title: 'Image pull policy',
    summary: 'An image referenced by a mutable tag should use `imagePullPolicy: Always` (or be pinned by digest).',
    why: 'With `IfNotPresent` a node keeps running whatever image it cached under that tag: a re-pushed tag is not picked up, and a tampered local image is trusted; `Always` also makes the kubelet check the pod\'s right to pull the image.',
    fix: 'Set `imagePullPolicy: Always`, or pin the image by digest.',
    url: 'https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy',
    fields: ['imagePullPolicy'],
  },
};

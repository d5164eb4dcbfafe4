/*
 * automountServiceAccountToken (hardening)
 * A pod spec should set `automountServiceAccountToken: false` unless it needs the API, or its ServiceAccount
 * (found among the inputs) already sets it to false. The pod-level field wins over the ServiceAccount's.
 */
import { podAnchor } from '../anchors';
import type { HardeningRule } from './rule';

export const automountServiceAccountToken: HardeningRule = {
  id: 'automountServiceAccountToken',
  category: 'hardening',
  defaultSeverity: 'info',
  check({ pod, workspace, namespace, defaultNamespace }) {
    if (!pod) return [];
    const r = pod.reader;
    const field = r.child(pod.spec, 'automountServiceAccountToken');
    const value = r.bool(field);
    if (value === false) return [];
    const account = r.str(r.child(pod.spec, 'serviceAccountName')) || r.str(r.child(pod.spec, 'serviceAccount')) || 'default';
    if (value === true) {
      return [{ span: field!.span, message: `pod mounts the API token of service account "${account}" (automountServiceAccountToken=true)` }];
    }
    const sa = workspace.serviceAccount(namespace, account, defaultNamespace);
    if (sa?.automountServiceAccountToken === false) return [];
    return [{
      span: podAnchor(pod, ['automountServiceAccountToken']),
      message: `pod should set automountServiceAccountToken=false (service account "${account}" ${sa ? 'does not disable it' : 'is not among the inputs'})`,
    }];
  },
  docs: {
    title: 'Service account token automount',
    summary: 'Pods that do not call the Kubernetes API should not get a service account token mounted.',
    why: 'The token at /var/run/secrets/kubernetes.io/serviceaccount lets anyone who compromises the container talk to the API server with the pod\'s permissions, the first step of most cluster take-overs.',
    fix: 'Set `automountServiceAccountToken: false` in the pod spec (or on its ServiceAccount); mount a projected token only where needed.',
    url: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting',
    fields: ['automountServiceAccountToken', 'serviceAccountName'],
  },
};

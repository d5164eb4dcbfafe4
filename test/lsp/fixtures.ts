/** Manifests shared by the protocol tests and the LSP unit tests. */

/** Passes restricted except for one baseline problem (privileged) and one restricted problem (runAsNonRoot). */
export const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: app
      image: nginx
      securityContext:
        privileged: true
        allowPrivilegeEscalation: false
        runAsNonRoot: false
        capabilities:
          drop: [ALL]
`;

/** A Deployment that passes restricted except for an explicit pod-level `runAsNonRoot: false`. */
export function deployment(namespace: string, name = `web-${namespace}`): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: false
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: app
          image: nginx
          securityContext:
            runAsNonRoot: true
            allowPrivilegeEscalation: false
            capabilities:
              drop: [ALL]
`;
}

export function namespace(name: string, labels: Record<string, string>): string {
  const lines = Object.entries(labels).map(([k, v]) => `    pod-security.kubernetes.io/${k}: ${v}\n`).join('');
  return `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels:\n${lines}`;
}


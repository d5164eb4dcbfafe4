/**
 * Valid manifests the fuzzer mutates: together they touch every Pod Security check, the workload kinds, Lists,
 * Namespaces with policy labels, anchors and merge keys, flow style, JSON, comments and suppression directives.
 */
export const CORPUS: readonly string[] = [
  `apiVersion: v1
kind: Pod
metadata:
  name: everything
  annotations:
    container.apparmor.security.beta.kubernetes.io/app: unconfined
spec:
  hostNetwork: true
  hostPID: yes
  securityContext:
    runAsUser: 0
    sysctls:
      - name: kernel.shm_rmid_forced
        value: "1"
      - name: net.core.somaxconn
        value: "1024"
    seLinuxOptions: {type: spc_t}
    seccompProfile:
      type: Unconfined
  volumes:
    - name: host
      hostPath: {path: /var/run}
    - name: data
      emptyDir: {}
  initContainers:
    - name: init
      image: busybox
      securityContext:
        privileged: true
  containers:
    - name: app
      image: nginx
      ports:
        - containerPort: 80
          hostPort: 8080
      securityContext:
        allowPrivilegeEscalation: true
        procMount: Unmasked
        capabilities:
          add: [NET_ADMIN, SYS_TIME]
          drop: []
      lifecycle:
        postStart:
          tcpSocket: {port: 80, host: 10.0.0.1}
`,
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: prod
spec:
  replicas: 2
  template:
    metadata:
      labels: {app: web}
    spec:
      securityContext: &psc
        runAsNonRoot: true
        seccompProfile: {type: RuntimeDefault}
      containers:
        - name: web
          image: "nginx:1.25"
          securityContext: &sc
            allowPrivilegeEscalation: false
            capabilities: {drop: ["ALL"]}
        - name: sidecar
          image: envoy
          securityContext:
            <<: *sc
            runAsUser: 0
---
apiVersion: v1
kind: Namespace
metadata:
  name: prod
  labels:
    pod-security.kubernetes.io/enforce: restricted
    pod-security.kubernetes.io/warn: baseline
    pod-security.kubernetes.io/enforce-version: v1.25
`,
  `# podsec-disable-next-line hostNamespaces -- needed
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          hostIPC: true
          restartPolicy: OnFailure
          containers:
            - name: job
              image: alpine
              command: ["sh", "-c", "echo hi"]
              securityContext: {windowsOptions: {hostProcess: true}, runAsNonRoot: false}
`,
  `apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: DaemonSet
    metadata: {name: agent}
    spec:
      template:
        spec:
          volumes: [{name: sock, hostPath: {path: /run/containerd.sock}}]
          containers: [{name: a, image: agent, securityContext: {seLinuxOptions: {user: root}}}]
  - apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: db}
    spec:
      template:
        spec:
          ephemeralContainers:
            - {name: debug, image: busybox, securityContext: {capabilities: {add: [SYS_ADMIN]}}}
          containers:
            - name: db
              image: postgres
              volumeMounts: [{name: data, mountPath: /data}]
          volumes:
            - {name: data, persistentVolumeClaim: {claimName: pvc}}
            - {name: cfg, configMap: {name: c}}
            - {name: nfs, nfs: {server: s, path: /}}
`,
  `{
  "apiVersion": "v1",
  "kind": "Pod",
  "metadata": {"name": "json-pod", "namespace": "default"},
  "spec": {
    "hostPID": true,
    "containers": [
      {"name": "c", "image": "x", "securityContext": {"privileged": true, "runAsUser": 0, "capabilities": {"add": ["ALL"]}}}
    ]
  }
}
`,
  `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: rs
spec:
  template:
    metadata:
      annotations:
        seccomp.security.alpha.kubernetes.io/pod: unconfined
    spec:
      containers:
        - name: main
          image: app
          securityContext:
            seccompProfile:
              type: Localhost
              localhostProfile: p.json
            appArmorProfile: {type: Unconfined}
          readinessProbe:
            httpGet: {host: 1.2.3.4, port: 80}
...
---
apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  template:
    spec:
      containers:
        - {name: j, image: j}
`,
];

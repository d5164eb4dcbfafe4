/**
 * readOnlyRootFilesystem fix: `readOnlyRootFilesystem: true` plus emptyDir volumes for the paths the image must
 * still write. Goldens on nginx Deployments (fixtures), in every layout, flow style and JSON; merging into existing
 * lists, unique names, paths already mounted, init containers, several documents, refusals.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { imageRepository, IMAGE_WRITABLE_PATHS, writablePaths } from '../../../server/src/engine/fixes/rules/writable-paths';
import { covered, normalizePath } from '../../../server/src/engine/fixes/rules/readOnlyRootFilesystem';
import { uniqueName } from '../../../server/src/engine/fixes/rules/unique-name';
import { applyHardeningFix, layout, LAYOUTS, lint, offeredFor } from './hardening-helpers';

const FIXTURES = path.join(__dirname, '../../fixtures/fixes/hardening');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const RULE = 'readOnlyRootFilesystem';
const NGINX_TITLE = 'Set readOnlyRootFilesystem: true with writable emptyDir volumes for /tmp, /var/cache/nginx, /var/run';

test('nginx Deployment of the Kubernetes docs: the flag, three mounts and three emptyDir volumes after containers', () => {
  const { fix, output } = applyHardeningFix(fixture('nginx-deployment.yaml'), RULE);
  assert.equal(fix.title, NGINX_TITLE);
  assert.equal(fix.isPreferred, false);
  assert.equal(output, fixture('nginx-deployment.read-only.yaml'));
});

test('nginx Deployment with config: merged into securityContext, volumeMounts and volumes; comments and order kept', () => {
  const { fix, output } = applyHardeningFix(fixture('nginx-configured.yaml'), RULE);
  assert.equal(fix.title, NGINX_TITLE);
  assert.equal(output, fixture('nginx-configured.read-only.yaml'));
  // No new finding of any category: emptyDir is an allowed volume type for restricted.
  assert.deepEqual(lint(output).filter((f) => f.ruleId === 'restrictedVolumes'), []);
});

const BARE = `apiVersion: apps/v1
kind: Deployment
metadata:
Mname: web   # front
spec:
Mtemplate:
MMspec:
MMMcontainers:
MMMS- name: nginx
MMMS_image: nginx:1.27
MMMS_ports:
MMMS_S- containerPort: 80
`;

const BARE_FIXED = `${BARE}MMMS_securityContext:
MMMS_MreadOnlyRootFilesystem: true
MMMS_volumeMounts:
MMMS_S- name: tmp
MMMS_S_mountPath: /tmp
MMMS_S- name: nginx-cache
MMMS_S_mountPath: /var/cache/nginx
MMMS_S- name: nginx-run
MMMS_S_mountPath: /var/run
MMMvolumes:
MMMS- name: tmp
MMMS_emptyDir: {}
MMMS- name: nginx-cache
MMMS_emptyDir: {}
MMMS- name: nginx-run
MMMS_emptyDir: {}
`;

const MERGE = `apiVersion: v1
kind: Pod
metadata:
Mname: cache
spec:
Mcontainers:
MS- name: redis
MS_image: redis:7.2
MS_securityContext:
MS_MrunAsUser: 999
MS_volumeMounts:
MS_S- name: tmp
MS_S_mountPath: /scratch
Mvolumes:
MS- name: tmp
MS_emptyDir: {}
MnodeName: n1
`;

const MERGE_FIXED = `apiVersion: v1
kind: Pod
metadata:
Mname: cache
spec:
Mcontainers:
MS- name: redis
MS_image: redis:7.2
MS_securityContext:
MS_MrunAsUser: 999
MS_MreadOnlyRootFilesystem: true
MS_volumeMounts:
MS_S- name: tmp
MS_S_mountPath: /scratch
MS_S- name: tmp-2
MS_S_mountPath: /tmp
MS_S- name: redis-data
MS_S_mountPath: /data
Mvolumes:
MS- name: tmp
MS_emptyDir: {}
MS- name: tmp-2
MS_emptyDir: {}
MS- name: redis-data
MS_emptyDir: {}
MnodeName: n1
`;

for (const l of LAYOUTS) {
  test(`created securityContext, volumeMounts and volumes (${l.label})`, () => {
    assert.equal(applyHardeningFix(layout(BARE, l), RULE).output, layout(BARE_FIXED, l));
  });
  test(`merged into existing securityContext, volumeMounts and volumes, with a unique name (${l.label})`, () => {
    assert.equal(applyHardeningFix(layout(MERGE, l), RULE).output, layout(MERGE_FIXED, l));
  });
}

test('a list written `-   name` (4 columns to the key) gets new items written the same way', () => {
  const input = `apiVersion: v1
kind: Pod
metadata:
    name: p
spec:
    containers:
    -   name: app
        image: app:1
        volumeMounts:
        -   name: data
            mountPath: /data
    volumes:
    -   name: data
        emptyDir: {}
`;
  assert.equal(applyHardeningFix(input, RULE).output, `apiVersion: v1
kind: Pod
metadata:
    name: p
spec:
    containers:
    -   name: app
        image: app:1
        volumeMounts:
        -   name: data
            mountPath: /data
        -   name: tmp
            mountPath: /tmp
        securityContext:
            readOnlyRootFilesystem: true
    volumes:
    -   name: data
        emptyDir: {}
    -   name: tmp
        emptyDir: {}
`);
});

test('flow style: entries and items are added inside the flow maps and lists', () => {
  const input = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers: [{name: app, image: "nginx:1.27", securityContext: {runAsUser: 101}}]
  volumes: [{name: tmp, configMap: {name: x}}]
`;
  assert.equal(applyHardeningFix(input, RULE).output, `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers: [{name: app, image: "nginx:1.27", securityContext: {runAsUser: 101, readOnlyRootFilesystem: true}, volumeMounts: [{name: tmp-2, mountPath: /tmp}, {name: nginx-cache, mountPath: /var/cache/nginx}, {name: nginx-run, mountPath: /var/run}]}]
  volumes: [{name: tmp, configMap: {name: x}}, {name: tmp-2, emptyDir: {}}, {name: nginx-cache, emptyDir: {}}, {name: nginx-run, emptyDir: {}}]
`);
});

test('JSON: pretty JSON at the indentation of the neighbours', () => {
  const { output } = applyHardeningFix(fixture('redis.json'), RULE);
  assert.equal(output, fixture('redis.read-only.json'));
  assert.doesNotThrow(() => JSON.parse(output));
});

test('empty values are filled: `volumeMounts:` and `volumes: []` become block lists, `securityContext: {}` gets the key', () => {
  const input = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginxinc/nginx-unprivileged:1.27-alpine
    securityContext: {}
    volumeMounts:
  volumes: []   # none yet
`;
  const { fix, output } = applyHardeningFix(input, RULE);
  assert.equal(fix.title, 'Set readOnlyRootFilesystem: true with writable emptyDir volume for /tmp');
  assert.equal(output, `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginxinc/nginx-unprivileged:1.27-alpine
    securityContext: {readOnlyRootFilesystem: true}
    volumeMounts:
    - name: tmp
      mountPath: /tmp
  volumes:   # none yet
  - name: tmp
    emptyDir: {}
`);
});

test('an explicit false is flipped; paths mounted already (or below a mounted parent) get no second volume', () => {
  const input = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        readOnlyRootFilesystem: false
      volumeMounts:
        - name: scratch
          mountPath: /tmp/
        - name: var
          mountPath: /var
  volumes:
    - name: scratch
      emptyDir: {}
    - name: var
      emptyDir: {}
`;
  const { fix, output } = applyHardeningFix(input, RULE);
  assert.equal(fix.title, 'Set readOnlyRootFilesystem: true');
  assert.equal(output, input.replace('readOnlyRootFilesystem: false', 'readOnlyRootFilesystem: true'));
});

test('a data directory with something mounted inside it (postgres PGDATA on a claim) is left alone', () => {
  const input = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  template:
    spec:
      containers:
        - name: postgres
          image: postgres:16
          volumeMounts:
            - name: data
              mountPath: /var/lib/postgresql/data
  volumeClaimTemplates:
    - metadata:
        name: data
`;
  const { fix, output } = applyHardeningFix(input, RULE);
  assert.equal(fix.title, 'Set readOnlyRootFilesystem: true with writable emptyDir volumes for /tmp, /var/run/postgresql');
  assert.equal(output, `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  template:
    spec:
      containers:
        - name: postgres
          image: postgres:16
          volumeMounts:
            - name: data
              mountPath: /var/lib/postgresql/data
            - name: tmp
              mountPath: /tmp
            - name: postgres-run
              mountPath: /var/run/postgresql
          securityContext:
            readOnlyRootFilesystem: true
      volumes:
        - name: tmp
          emptyDir: {}
        - name: postgres-run
          emptyDir: {}
  volumeClaimTemplates:
    - metadata:
        name: data
`);
});

test('init containers and the second container of a pod get their own volumes; other documents are untouched', () => {
  const first = `apiVersion: v1
kind: Pod
metadata:
  name: one
spec:
  initContainers:
    - name: init
      image: busybox:1.36
  containers:
    - name: app
      image: httpd:2.4
`;
  const second = first.replace('name: one', 'name: two');
  const input = `${first}---\n${second}`;
  const init = applyHardeningFix(input, RULE, { index: 0 }).output;
  assert.equal(init, `apiVersion: v1
kind: Pod
metadata:
  name: one
spec:
  initContainers:
    - name: init
      image: busybox:1.36
      securityContext:
        readOnlyRootFilesystem: true
      volumeMounts:
        - name: tmp
          mountPath: /tmp
  containers:
    - name: app
      image: httpd:2.4
  volumes:
    - name: tmp
      emptyDir: {}
---\n${second}`);
  const app = applyHardeningFix(init, RULE, { index: 0 });
  assert.equal(app.fix.title, 'Set readOnlyRootFilesystem: true with writable emptyDir volumes for /tmp, /usr/local/apache2/logs');
  assert.ok(app.output.includes(`      volumeMounts:
        - name: tmp-2
          mountPath: /tmp
        - name: httpd-logs
          mountPath: /usr/local/apache2/logs
  volumes:
    - name: tmp
      emptyDir: {}
    - name: tmp-2
      emptyDir: {}
    - name: httpd-logs
      emptyDir: {}
---\n${second}`), app.output);
  const inSecond = applyHardeningFix(input, RULE, { index: 2 }).output;
  assert.ok(inSecond.startsWith(`${first}---\n`), 'the first document changed');
});

test('refused: an anchored container, volumeMounts from a merge key, an anchored volumes list', () => {
  const input = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - &base
      name: a
      image: app:1
      volumeMounts: &mounts
        - {name: x, mountPath: /x}
    - <<: *base
      name: b
  volumes:
    - name: x
      emptyDir: {}
`;
  const all = lint(input).filter((f) => f.ruleId === RULE);
  assert.equal(all.length, 2);
  assert.deepEqual(offeredFor(input, RULE, { index: 0 }).fixes, [], 'anchored container map');
  assert.deepEqual(offeredFor(input, RULE, { index: 1 }).fixes, [], 'volumeMounts through a merge key');
  const sharedVolumes = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      image: app:1
  volumes: &shared
    - name: x
      emptyDir: {}
`;
  assert.deepEqual(offeredFor(sharedVolumes, RULE).fixes, [], 'anchored volumes list');
});

test('the image list: registry, library/ and tags are ignored; only exact repositories match', () => {
  assert.equal(imageRepository('nginx'), 'nginx');
  assert.equal(imageRepository('docker.io/library/nginx:1.27@sha256:abc'), 'nginx');
  assert.equal(imageRepository('registry.local:5000/nginxinc/nginx-unprivileged:1.27'), 'nginxinc/nginx-unprivileged');
  assert.equal(imageRepository('localhost/redis'), 'redis');
  assert.deepEqual(writablePaths('bitnami/nginx:1.27').map((w) => w.path), ['/tmp']);
  assert.deepEqual(writablePaths('nginx:alpine').map((w) => w.path), ['/tmp', '/var/cache/nginx', '/var/run']);
  assert.deepEqual(writablePaths('ghcr.io/nginxinc/nginx-unprivileged:stable').map((w) => w.path), ['/tmp']);
  assert.deepEqual(writablePaths('postgres:18').map((w) => w.path), ['/tmp', '/var/run/postgresql', '/var/lib/postgresql']);
  assert.deepEqual(writablePaths('constructor').map((w) => w.path), ['/tmp']);
  assert.deepEqual(writablePaths(undefined).map((w) => w.path), ['/tmp']);
  assert.deepEqual([...IMAGE_WRITABLE_PATHS.keys()].sort(), ['httpd', 'nginx', 'nginxinc/nginx-unprivileged', 'postgres', 'redis']);
});

test('mount coverage and names', () => {
  const tmp = { path: '/tmp', volume: 'tmp' };
  const data = { path: '/data', volume: 'data', data: true };
  assert.equal(covered(tmp, ['/tmp']), true);
  assert.equal(covered(tmp, ['/']), true);
  assert.equal(covered(tmp, ['/tmp/cache']), false, 'a mount inside /tmp leaves the rest read-only');
  assert.equal(covered(tmp, ['/tmpfs']), false);
  assert.equal(covered(data, ['/data/db']), true, 'a data directory with its data mounted');
  assert.equal(normalizePath('//var//run/'), '/var/run');
  assert.equal(normalizePath('/'), '/');
  const taken = new Set(['tmp', 'tmp-2']);
  assert.equal(uniqueName('tmp', taken), 'tmp-3');
  assert.equal(uniqueName('tmp', taken), 'tmp-4');
  assert.equal(uniqueName('cache', taken), 'cache');
});

test('after a block scalar ending the container: the new lines go after its content, the blank line stays below', () => {
  const input = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: app:1
      args:
        - |
          exec app --serve

# end
`;
  assert.equal(applyHardeningFix(input, RULE).output, input.replace('          exec app --serve\n', `          exec app --serve
      securityContext:
        readOnlyRootFilesystem: true
      volumeMounts:
        - name: tmp
          mountPath: /tmp
  volumes:
    - name: tmp
      emptyDir: {}
`));
});

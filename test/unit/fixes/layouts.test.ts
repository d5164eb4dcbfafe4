/**
 * The same golden tests in every layout: 2 or 4 spaces, lists indented under their key or not, LF or CRLF.
 * Templates mark indentation with tokens at the start of a line: `M` one map level (2 or 4 spaces), `S` the list
 * indentation (0 or the map step), `_` the 2 columns from a list dash to its item's keys.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, crlf, FixQuery } from './fix-helpers';

function lay(template: string, unit: 2 | 4, seq: 0 | 2 | 4): string {
  return template.replace(/^[MS_]+/gm, (tokens) => [...tokens].map((t) => ' '.repeat(t === 'M' ? unit : t === 'S' ? seq : 2)).join(''));
}

const LAYOUTS: [2 | 4, 0 | 2 | 4][] = [[2, 2], [2, 0], [4, 4], [4, 0]];

function golden(name: string, ruleId: string, input: string, expected: string, q: FixQuery = {}): void {
  for (const [unit, seq] of LAYOUTS) {
    for (const eol of ['LF', 'CRLF']) {
      test(`${name} (${unit} spaces, lists ${seq ? 'indented' : 'not indented'}, ${eol})`, () => {
        const convert = (t: string) => (eol === 'CRLF' ? crlf(lay(t, unit, seq)) : lay(t, unit, seq));
        assert.equal(applyFix(convert(input), ruleId, q).output, convert(expected));
      });
    }
  }
}

const POD = `apiVersion: v1
kind: Pod
metadata:
Mname: p   # comment
spec:
Mcontainers:
MS- name: app
MS_image: nginx
MS_securityContext:
MS_MrunAsUser: 1000
MS_Mcapabilities:
MS_MMadd:
MS_MMS- NET_ADMIN
MS_MMS- CHOWN
MS_MMdrop:
MS_MMS- NET_RAW
`;

golden('allowPrivilegeEscalation is inserted after the last key of securityContext', 'allowPrivilegeEscalation', POD, `${POD}MS_MallowPrivilegeEscalation: false
`);

// Findings in source order: the added NET_ADMIN and CHOWN, then the missing ALL (reported on the `drop` key).
golden('a forbidden added capability is removed with its line', 'capabilities_restricted', POD, POD.replace('MS_MMS- NET_ADMIN\n', ''), { index: 0 });

golden('ALL is appended to the drop list at its dash column', 'capabilities_restricted', POD, `${POD}MS_MMS- ALL
`, { index: 2 });

golden('the pod securityContext is created after the pod spec\'s last key', 'runAsNonRoot', POD, `${POD}MsecurityContext:
MMrunAsNonRoot: true
`);

golden('the pod seccompProfile is created as a nested block map', 'seccompProfile_restricted', POD, `${POD}MsecurityContext:
MMseccompProfile:
MMMtype: RuntimeDefault
`);

const BARE = `apiVersion: apps/v1
kind: Deployment
metadata:
Mname: web
spec:
Mtemplate:
MMspec:
MMMinitContainers:
MMMS- name: init
MMMS_image: busybox
MMMcontainers:
MMMS- name: app
MMMS_image: nginx
`;

golden('a whole securityContext.capabilities.drop path is created on an init container', 'capabilities_restricted', BARE, BARE.replace('MMMS_image: busybox\n', `MMMS_image: busybox
MMMS_securityContext:
MMMS_Mcapabilities:
MMMS_MMdrop:
MMMS_MMS- ALL
`), { index: 0 });

golden('securityContext is created on a container that has none', 'allowPrivilegeEscalation', BARE, `${BARE}MMMS_securityContext:
MMMS_MallowPrivilegeEscalation: false
`, { index: 1 });

/** Names a fix adds next to existing ones (volumes, NetworkPolicies): `tmp`, else `tmp-2`, `tmp-3`, … */
export function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  taken.add(name);
  return name;
}

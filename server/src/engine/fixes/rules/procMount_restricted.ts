/** procMount_restricted: same fix as procMount (`Default`). */
import { RuleFixer } from './common';
import { procMountDefault } from './procMount';

export const procMount_restricted: RuleFixer = { ruleId: 'procMount_restricted', fixes: procMountDefault };

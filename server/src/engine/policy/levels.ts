import type { Level } from '../types';

export const LEVELS: readonly Level[] = ['privileged', 'baseline', 'restricted'];

export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

/** privileged < baseline < restricted */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

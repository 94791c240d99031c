import type { StressPreset } from '../stress';
import { CRASH_PRESETS } from './crashes';

export { CRASH_PRESETS };

/** A preset by id or name, case-insensitive. */
export function findPreset(name: string): StressPreset | undefined {
  const key = name.trim().toLowerCase();
  return CRASH_PRESETS.find((p) => p.id === key || p.name.toLowerCase() === key);
}

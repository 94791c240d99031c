import type { StressPreset } from '../../engine/risk/stress';

/**
 * A preset's moves as editable text, one asset or family a line, points as hour=move%:
 *   BTC: 0=0, 1=-22.1, 16=-46.6
 * Percent for people; the preset keeps fractions.
 */
export function movesToText(preset: StressPreset): string {
  return preset.moves
    .map((m) => `${m.key}: ${m.points.map(([h, v]) => `${h}=${trimPercent(Number(v) * 100)}`).join(', ')}`)
    .join('\n');
}

function trimPercent(v: number): string {
  return String(Math.round(v * 10000) / 10000);
}

export type MovesParse = { ok: true; moves: StressPreset['moves'] } | { ok: false; error: string };

export function textToMoves(text: string, hours: number): MovesParse {
  const moves: StressPreset['moves'] = [];
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  for (const [i, line] of lines.entries()) {
    const where = `line ${i + 1}`;
    const colon = line.indexOf(':');
    if (colon <= 0) return { ok: false, error: `${where}: expected "ASSET: hour=move%, ...", found "${line}"` };
    const key = line.slice(0, colon).trim().toUpperCase();
    const points: Array<[number, string]> = [];
    for (const part of line.slice(colon + 1).split(',').map((p) => p.trim()).filter((p) => p !== '')) {
      const m = /^(\d+(?:\.\d+)?)\s*=\s*([+-]?\d+(?:\.\d+)?)%?$/.exec(part);
      if (!m) return { ok: false, error: `${where} (${key}): expected hour=move%, e.g. 16=-46.6, found "${part}"` };
      const hour = Number(m[1]);
      const pct = Number(m[2]);
      if (hour > hours) return { ok: false, error: `${where} (${key}): hour ${hour} is past the end of the path (${hours} h)` };
      if (pct <= -100) return { ok: false, error: `${where} (${key}): a move must be above −100%, found ${m[2]}%` };
      points.push([hour, String(Math.round(pct * 10000) / 1_000_000)]);
    }
    if (points.length === 0) return { ok: false, error: `${where} (${key}): give at least one hour=move%` };
    moves.push({ key, points });
  }
  if (moves.length === 0) return { ok: false, error: 'give at least one line, e.g. "BTC: 0=0, 3=-20, 24=-10"' };
  return { ok: true, moves };
}

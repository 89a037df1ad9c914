// How long `rel unlock` keeps the key: minutes or hours, written so that they cannot be taken for
// rel's periods elsewhere, where `m` is months (`--cadence 3m`, `--since 15m`).
import { UsageError } from '../errors.js';

export const DEFAULT_UNLOCK_MS = 15 * 60_000;
export const MAX_UNLOCK_MS = 12 * 60 * 60_000;

const UNITS: Record<string, number> = {
  min: 60_000,
  mins: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  hrs: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
};

/** `15min`, `90 minutes`, `2h`, `1h30min` in milliseconds; a UsageError for anything else. */
export function parseUnlockDuration(text: string): number {
  const spec = text.trim().toLowerCase();
  const hint = 'Write it as minutes or hours: 15min, 90min, 2h, 1h30min (at most 12h).';
  const parts = [...spec.matchAll(/(\d+)\s*([a-z]+)\s*/g)];
  const whole = parts.map((p) => p[0]).join('');
  // An `m` anywhere (15m, 1h30m) is refused with the minutes spelled out, never read as months.
  if (parts.length > 0 && whole === spec && parts.some((p) => p[2] === 'm')) {
    const meant = parts.map((p) => `${p[1]}${p[2] === 'm' ? 'min' : p[2]}`).join('');
    const said = parts.length === 1 ? `For ${parts[0]![1]} minutes` : 'If m is minutes there,';
    throw new UsageError(
      `"${text}" is ambiguous: elsewhere in rel, m means months.`,
      `${said} write ${meant}. ${hint}`,
    );
  }
  if (parts.length === 0 || whole !== spec || parts.some((p) => !UNITS[p[2]!])) {
    throw new UsageError(`"${text}" is not a duration rel unlock understands.`, hint);
  }
  const ms = parts.reduce((sum, p) => sum + Number(p[1]) * UNITS[p[2]!]!, 0);
  if (ms < 60_000) throw new UsageError(`"${text}" is too short: unlock for at least 1min.`, hint);
  if (ms > MAX_UNLOCK_MS) {
    throw new UsageError(
      `"${text}" is longer than rel keeps a key: at most 12h.`,
      'Unlock again when it runs out (rel unlock --for 12h).',
    );
  }
  return ms;
}

/** "15 min", "2 h", "1 h 30 min": how long, as rel says it. */
export function describeUnlockDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ') || '0 min';
}

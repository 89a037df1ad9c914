// Terminal charts drawn with block characters: they read the same with or without colour.
import { visibleWidth } from '../wrap.js';

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
/** Longer bars tell nothing more, and the figures drift too far from the names. */
const MAX_BAR = 60;
const LEVELS = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** A horizontal bar `width` characters long at full scale, in eighths of a character. */
export function bar(value: number, max: number, width: number): string {
  if (max <= 0 || value <= 0) return '';
  const eighths = Math.max(1, Math.round((value / max) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/** A meter for a share: filled and empty blocks, so the proportion shows without colour. */
export function meter(share: number, width: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, share)) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

export interface BarRow {
  label: string;
  value: number;
  /** Shown after the bar, e.g. "4h 30m · 9". */
  text: string;
}

/**
 * Labelled horizontal bars that fit `width`; a label is never cut: when labels, bars (at least 6
 * characters) and numbers do not fit on one line, each label goes on a line of its own.
 */
export function barChart(rows: BarRow[], width: number, indent = '  '): string[] {
  if (rows.length === 0) return [];
  const max = Math.max(...rows.map((r) => r.value));
  const textWidth = Math.max(...rows.map((r) => visibleWidth(r.text)));
  const room = width - visibleWidth(indent);
  const longest = Math.max(...rows.map((r) => visibleWidth(r.label)));
  if (room - longest - textWidth - 2 < 6) {
    const barWidth = Math.max(1, Math.min(MAX_BAR, room - textWidth - 3));
    return rows.flatMap((r) => {
      const drawn = bar(r.value, max, barWidth);
      return [
        `${indent}${r.label}`,
        `${indent}  ${drawn}${' '.repeat(barWidth - visibleWidth(drawn) + 1)}${r.text}`.trimEnd(),
      ];
    });
  }
  const labelWidth = longest;
  const barWidth = Math.max(6, Math.min(MAX_BAR, room - labelWidth - textWidth - 2));
  return rows.map((r) => {
    const label = r.label;
    const drawn = bar(r.value, max, barWidth);
    return `${indent}${label}${' '.repeat(labelWidth - visibleWidth(label) + 1)}${drawn}${' '.repeat(barWidth - visibleWidth(drawn) + 1)}${r.text}`.trimEnd();
  });
}

export interface Column {
  value: number;
  /** Shown under the axis where there is room, e.g. a month name; empty for none. */
  label: string;
}

/**
 * A column chart `height` rows tall that fits `width`: each column as wide as the room allows
 * (up to 3 characters plus a space); when columns outnumber the room, neighbours are added up
 * and the caller is told how many went into each.
 */
export function columnChart(
  columns: Column[],
  width: number,
  height = 5,
): { lines: string[]; perColumn: number } {
  const digits = (values: number[]) => String(Math.max(0, ...values)).length;
  let axisWidth = digits(columns.map((c) => c.value)) + 2;
  let merged = mergeColumns(columns, Math.max(1, Math.ceil(columns.length / Math.max(1, width - axisWidth))));
  // Added-up neighbours may need a wider axis, which leaves less room: merge once more for it.
  if (digits(merged.columns.map((c) => c.value)) + 2 > axisWidth) {
    axisWidth = digits(merged.columns.map((c) => c.value)) + 2;
    merged = mergeColumns(columns, Math.max(1, Math.ceil(columns.length / Math.max(1, width - axisWidth))));
  }
  const { perColumn } = merged;
  const room = Math.max(1, width - axisWidth);
  const cell = Math.max(1, Math.min(4, Math.floor(room / merged.columns.length)));
  const barWidth = cell === 1 ? 1 : cell - 1;
  const max = Math.max(0, ...merged.columns.map((c) => c.value));
  const lines: string[] = [];
  for (let row = height; row >= 1; row--) {
    const axis = row === height ? String(max) : '';
    const cells = merged.columns.map((c) => {
      // Each row holds eight levels; a non-zero value always shows at least a sliver.
      const eighths = max === 0 ? 0 : Math.max(c.value > 0 ? 1 : 0, Math.round((c.value / max) * height * 8));
      const level = Math.min(8, Math.max(0, eighths - (row - 1) * 8));
      return LEVELS[level]!.repeat(barWidth).padEnd(cell);
    });
    lines.push(`${axis.padStart(axisWidth - 2)} ┤${cells.join('')}`.trimEnd());
  }
  lines.push(`${'0'.padStart(axisWidth - 2)} └${'─'.repeat(merged.columns.length * cell)}`);
  let labels = '';
  merged.columns.forEach((c, i) => {
    const at = i * cell;
    const fits = at >= labels.length + (labels ? 1 : 0) && at + visibleWidth(c.label) <= room;
    if (c.label && fits) labels = labels.padEnd(at) + c.label;
  });
  if (labels.trim()) lines.push(`${' '.repeat(axisWidth)}${labels}`.trimEnd());
  return { lines, perColumn };
}

function mergeColumns(columns: Column[], perColumn: number): { columns: Column[]; perColumn: number } {
  const merged: Column[] = [];
  for (let i = 0; i < columns.length; i += perColumn) {
    const group = columns.slice(i, i + perColumn);
    merged.push({
      value: group.reduce((sum, c) => sum + c.value, 0),
      label: group.find((c) => c.label)?.label ?? '',
    });
  }
  return { columns: merged, perColumn };
}

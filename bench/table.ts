/** The tables the benchmarks print, and the formats of the numbers in them. */

/** A table of one section: a title, a header row, rows of cells, and notes printed below. */
export interface Table {
  title: string;
  head: string[];
  rows: string[][];
  /** How many leading columns hold names and are aligned left; numbers are aligned right. */
  nameColumns?: number;
  /** Lines printed under the table: what was measured and how to read it. */
  notes?: string[];
}

/** `table` as text, every column padded to its widest cell. */
export function formatTable(table: Table): string {
  const nameColumns = table.nameColumns ?? 1;
  const widths = table.head.map((cell, column) =>
    Math.max(cell.length, ...table.rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    '  ' +
    widths
      .map((width, column) => {
        const cell = cells[column] ?? '';
        return column < nameColumns ? cell.padEnd(width) : cell.padStart(width);
      })
      .join('  ')
      .trimEnd();

  return [
    table.title,
    line(table.head),
    line(widths.map((width) => '-'.repeat(width))),
    ...table.rows.map(line),
    ...(table.notes ?? []).map((note) => `  ${note}`),
  ].join('\n');
}

/** Prints `table` with a blank line after it. */
export function printTable(table: Table): void {
  console.log(`${formatTable(table)}\n`);
}

/** A number with thousands separators and exactly `digits` decimals. */
export function formatNumber(value: number, digits = 0): string {
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** A ratio such as `1.07×`. */
export function formatRatio(value: number): string {
  return `${value.toFixed(2)}×`;
}

/** A range of ratios such as `0.98–1.12×`. */
export function formatRatioRange({ min, max }: { min: number; max: number }): string {
  return `${min.toFixed(2)}–${max.toFixed(2)}×`;
}

/** Bytes in KiB with one decimal: `12.3 KiB`. */
export function formatKiB(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** Bytes in MiB with one decimal and, when asked, a sign: `+1.2 MiB`. */
export function formatMiB(bytes: number, signed = false): string {
  // `+ 0` turns the -0 of a tiny negative value into 0, which prints without a minus sign
  const rounded = Math.round(bytes / 1024 / 102.4) / 10 + 0;
  const text = `${rounded.toFixed(1)} MiB`;
  return signed && rounded >= 0 ? `+${text}` : text;
}

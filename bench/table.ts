/** A plain-text table with aligned columns and multi-line headers, for a terminal. */

export interface Column {
  /** Header lines, top to bottom; shorter headers are padded at the top. */
  readonly header: readonly string[];
  readonly align: 'left' | 'right';
}

/** Rows of cells; a row of `null` prints a separator line (between sections). */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[] | null)[], gap = 2): string {
  const width = columns.map((c, i) =>
    Math.max(...c.header.map(len), ...rows.map((r) => (r ? len(r[i] ?? '') : 0))),
  );
  const pad = (s: string, i: number): string => {
    const fill = ' '.repeat(width[i] - len(s));
    return columns[i].align === 'right' ? fill + s : s + fill;
  };
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => pad(c, i)).join(' '.repeat(gap)).trimEnd();
  const headerLines = Math.max(...columns.map((c) => c.header.length));
  const out: string[] = [];
  for (let k = 0; k < headerLines; k++) {
    out.push(line(columns.map((c) => c.header[k - (headerLines - c.header.length)] ?? '')));
  }
  const rule = width.map((w) => '─'.repeat(w)).join(' '.repeat(gap));
  out.push(rule);
  for (const r of rows) out.push(r ? line(columns.map((_, i) => r[i] ?? '')) : rule);
  return out.join('\n');
}

/** Display width; every character the bench prints is one column wide. */
function len(s: string): number {
  return [...s].length;
}

/**
 * `npm run bench` (tsx bench/index.ts [--show] [--sizes 2,3]): every bench section, measured in this run,
 * printed as ONE side-by-side table (gradsheet | mathjs | SymPy), then how it was measured, the
 * timing details and the acceptance checks, each evaluated from the numbers above it.
 * A bench is not a test: it exits 0 whatever the checks say (1 only if the bench itself crashes).
 */
import os from 'node:os';
import { networkSection } from './sections/network.js';
import { networksSection } from './sections/networks.js';
import { checkingSection } from './sections/checking.js';
import type { BenchContext, BenchRow, BenchSection, Check, EngineResult, SectionResult } from './section.js';
import { renderTable, type Column } from './table.js';
import { formatInt, formatMs, formatRatio } from './stats.js';

/** The sections, in the order they run and print. Append new ones here. */
export const sections: readonly BenchSection[] = [networkSection, networksSection, checkingSection];

const COLUMNS: readonly Column[] = [
  { header: ['', 'case'], align: 'left' },
  { header: ['input', 'chars'], align: 'right' },
  { header: ['ours', 'diff+simp'], align: 'right' },
  { header: ['ours', 'chars'], align: 'right' },
  { header: ['ours', 'FD err'], align: 'right' },
  { header: ['mathjs', 'deriv+simp'], align: 'right' },
  { header: ['mathjs', 'chars'], align: 'right' },
  { header: ['speedup', 'vs mathjs'], align: 'right' },
  { header: ['SymPy', 'diff'], align: 'right' },
  { header: ['SymPy', 'chars'], align: 'right' },
  { header: ['SymPy', 'cse chars'], align: 'right' },
];

function timeCell(r: EngineResult): string {
  switch (r.status) {
    case 'measured':
      return formatMs(r.timing.median);
    case 'timeout':
      return `> ${formatMs(r.limitMs)}`;
    case 'skipped':
      return 'skipped';
    case 'error':
      return 'error';
    case 'unsupported':
      return 'unsupported';
    case 'none':
      return '—';
  }
}

const charsCell = (r: EngineResult): string => (r.status === 'measured' && r.chars !== undefined ? formatInt(r.chars) : '—');
const cseCell = (r: EngineResult): string => (r.status === 'measured' && r.cseChars !== undefined ? formatInt(r.cseChars) : '—');

/** How many times faster we are: mathjs median ÷ our median (a lower bound after a timeout). */
function speedupCell(ours: EngineResult, other: EngineResult): string {
  if (ours.status !== 'measured') return '—';
  if (other.status === 'measured') return formatRatio(other.timing.median / ours.timing.median);
  if (other.status === 'timeout') return `> ${formatRatio(other.limitMs / ours.timing.median)}`;
  return '—';
}

function rowCells(r: BenchRow): string[] {
  return [
    r.label,
    r.inputChars === undefined ? '—' : formatInt(r.inputChars),
    timeCell(r.ours),
    charsCell(r.ours),
    r.oursError === undefined ? '—' : r.oursError.toExponential(0),
    timeCell(r.mathjs),
    charsCell(r.mathjs),
    speedupCell(r.ours, r.mathjs),
    timeCell(r.sympy),
    charsCell(r.sympy),
    cseCell(r.sympy),
  ];
}

/** Wrap a line to the terminal's width, keeping its own indent and indenting continuations. */
function wrap(text: string, width: number, indent: string): string {
  const lead = /^\s*/.exec(text)?.[0] ?? '';
  const lines: string[] = [];
  let line = lead;
  for (const w of text.slice(lead.length).split(' ')) {
    if (line.trim() && line.length + 1 + w.length > width) {
      lines.push(line);
      line = indent + w;
    } else line = line.trim() ? `${line} ${w}` : line + w;
  }
  if (line.trim()) lines.push(line);
  return lines.join('\n');
}

class UsageError extends Error {}

/** --sizes 2,3 (or --sizes=2,3): positive integers, else the sections' defaults. */
function sizesOption(argv: readonly string[]): number[] | undefined {
  const i = argv.findIndex((a) => a === '--sizes' || a.startsWith('--sizes='));
  if (i < 0) return undefined;
  const raw = argv[i].includes('=') ? argv[i].slice('--sizes='.length) : (argv[i + 1] ?? '');
  const sizes = raw.split(',').map(Number);
  if (raw === '' || !sizes.every((n) => Number.isInteger(n) && n >= 1)) {
    throw new UsageError(`--sizes wants positive integers such as 2,3,4; got '${raw}'`);
  }
  return sizes;
}

async function main(): Promise<void> {
  const started = process.hrtime.bigint();
  const ctx: BenchContext = {
    progress: (m) => process.stderr.write(`bench: ${m}…\n`),
    show: process.argv.includes('--show'),
    sizes: sizesOption(process.argv),
  };
  const results: { section: BenchSection; result: SectionResult }[] = [];
  for (const section of sections) results.push({ section, result: await section.run(ctx) });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;

  const width = Math.max(80, Math.min(process.stdout.columns ?? 120, 140));
  const out: string[] = [];
  out.push(
    `gradsheet bench — ${new Date().toISOString()} — node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} ×${os.cpus().length}, ` +
      `1-min load avg ${os.loadavg()[0].toFixed(2)}, ${elapsed.toFixed(1)} s`,
  );
  out.push('Every number below was measured in this run. Times are wall-clock medians (units on each cell); sizes are characters of printed output.');
  out.push('');
  const tableRows: (string[] | null)[] = [];
  results.forEach(({ result }, i) => {
    if (i > 0) tableRows.push(null);
    tableRows.push(...result.rows.map(rowCells));
  });
  out.push(renderTable(COLUMNS, tableRows));
  const checks: { section: BenchSection; check: Check }[] = [];
  for (const { section, result } of results) {
    out.push('', `${section.title}`);
    for (const n of result.notes) out.push(wrap(`  • ${n}`, width, '    '));
    if (result.details.length) {
      out.push('', '  details:');
      for (const d of result.details) out.push(d === '' ? '' : `    ${d}`);
    }
    for (const check of result.checks) checks.push({ section, check });
  }
  out.push('', 'acceptance checks (from the numbers above):');
  for (const { check } of checks) {
    out.push(wrap(`  ${check.status.padEnd(4)}  ${check.name} — ${check.detail}`, width, '        '));
  }
  const count = (s: Check['status']): number => checks.filter((c) => c.check.status === s).length;
  out.push(`  ${count('PASS')} passed, ${count('FAIL')} failed, ${count('SKIP')} skipped (the bench exits 0 either way)`);
  process.stdout.write(out.join('\n') + '\n');
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    // Failed checks never change the exit code; bad usage or a crash of the bench itself does.
    if (e instanceof UsageError) {
      process.stderr.write(`bench: ${e.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`bench crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);

/**
 * `gradsheet xor --W1 "[1,1;1,1]" --b1 "[0;-1]" [--activation relu] [--svg FILE]`: the lecture's
 * XOR design question, decided exactly. Exit 0 when the hidden points are linearly separable
 * (W⁽²⁾, b⁽²⁾ are given), 1 when not (a negative verdict, with the reason), 2 for bad input.
 * The SVG picture is written last, atomically (temp file in the same directory, then rename).
 */
import { Command, Option } from 'commander';
import { parse } from '../../parse/parse.js';
import { evaluateExact } from '../../numeric/evaluate.js';
import { num } from '../../expr/build.js';
import { bmatrixLatex, toLatex } from '../../print/latex.js';
import { toText } from '../../print/text.js';
import type { Expr } from '../../expr/types.js';
import { InputError } from '../../errors.js';
import { checkXorDesign, inputText, pointText, rationalText, readoutNumbers, ROUNDED_READOUT_ERROR_TEXT, XOR_ACTIVATIONS, type ReadoutNumbers, type XorActivation, type XorCheck } from '../../nn/xor.js';
import type { Point } from '../../nn/xor-geometry.js';
import type { Rational } from '../../rational.js';
import { xorPlot } from '../../pictures/xor-plot.js';
import { writeFileAtomically } from '../../render/output.js';
import { formatOption, inArgument, json, type Format, type CommandIo, type Io } from '../io.js';

interface XorOptions {
  W1: string;
  b1: string;
  activation: XorActivation;
  format: Format;
  svg?: string;
}

export function xorCommand(io: CommandIo): Command {
  return new Command('xor')
    .description("decide exactly whether W⁽¹⁾, b⁽¹⁾ make the XOR points linearly separable in hidden space, and give W⁽²⁾, b⁽²⁾ if so (exit 1 if not)")
    .requiredOption('--W1 <matrix>', 'W⁽¹⁾, a 2×2 matrix of rational numbers, e.g. "[1, 1; 1, 1]"')
    .option('--b1 <vector>', 'b⁽¹⁾, two rational numbers, e.g. "[0; -1]"', '[0; 0]')
    .addOption(new Option('--activation <name>', 'hidden activation (sigmoid and tanh are decided on double-precision values)').choices([...XOR_ACTIVATIONS]).default('relu'))
    .addOption(formatOption())
    .option('--svg <file>', 'also write the picture of the four points in input and hidden space')
    .action((opts: XorOptions) => {
      const W1 = readMatrix('--W1', opts.W1);
      const b1 = readVector('--b1', opts.b1);
      const check = checkXorDesign({ W1, b1, activation: opts.activation });
      // Everything is rendered before anything is written or printed.
      const output = render(check, opts.format);
      if (opts.svg !== undefined) writeFileAtomically(opts.svg, xorPlot(check), '--svg');
      io.out(output);
      io.setExitCode(check.separable ? 0 : 1);
    });
}

/** An entry of --W1/--b1: any expression whose value is an exact rational (1, -1/2, 0.25, 2^-1). */
function rational(flag: string, where: string, e: Expr, source: string): Rational {
  const q = evaluateExact(e, {});
  if (q === undefined) throw new InputError(`${flag} "${source}": ${where}, ${toText(e)}, is not a rational number`);
  return q;
}

function readMatrix(flag: string, source: string): Rational[][] {
  const e = inArgument(flag, () => parse(source));
  if (e.kind !== 'matrix' || e.rows !== 2 || e.cols !== 2) {
    throw new InputError(`${flag} "${source}": expected a 2×2 matrix such as [1, 1; 1, 1], got ${shape(e)}`);
  }
  return [0, 1].map((i) => [0, 1].map((j) => rational(flag, `entry (${i + 1}, ${j + 1})`, e.entries[2 * i + j], source)));
}

function readVector(flag: string, source: string): Rational[] {
  const e = inArgument(flag, () => parse(source));
  const items = e.kind === 'vector' ? e.items : e.kind === 'matrix' && e.rows * e.cols === 2 && (e.rows === 1 || e.cols === 1) ? e.entries : undefined;
  if (!items || items.length !== 2) throw new InputError(`${flag} "${source}": expected two numbers such as [0; -1], got ${shape(e)}`);
  return items.map((x, i) => rational(flag, `entry ${i + 1}`, x, source));
}

function shape(e: Expr): string {
  if (e.kind === 'matrix') return `a ${e.rows}×${e.cols} matrix`;
  if (e.kind === 'vector') return `a list of ${e.items.length}`;
  return 'a single value';
}

function render(check: XorCheck, format: Format): string {
  switch (format) {
    case 'json':
      return json(jsonResult(check));
    case 'latex':
      return latexResult(check);
    case 'text':
      return textResult(check);
  }
}

const matrixText = (rows: readonly (readonly string[])[]): string => `[${rows.map((r) => r.join(', ')).join('; ')}]`;

function textResult(check: XorCheck): string {
  const v = (q: Rational): string => rationalText(q, check.exact);
  const head = `W⁽¹⁾ = ${matrixText(check.W1.map((r) => r.map((q) => rationalText(q, true))))}, b⁽¹⁾ = ${matrixText(check.b1.map((q) => [rationalText(q, true)]))}, activation ${check.activation}`;
  const columns = ['x', 'y', 'z = W⁽¹⁾x + b⁽¹⁾', `h = ${check.activation}(z)`, ...(check.separable ? ['ŷ'] : [])];
  const rows = check.points.map((p, i) => [
    inputText(p.x),
    String(p.y),
    pointText(p.z, true),
    pointText(p.h, check.exact),
    ...(check.separable ? [v(check.readout.outputs[i])] : []),
  ]);
  const lines = [head, ...table([columns, ...rows])];
  if (check.separable) {
    lines.push(`separable: ${check.reason}`);
    const n = readoutNumbers(check);
    const is = n.digits === undefined ? '=' : '≈';
    const [w5, w6, b3] = [...n.W2, n.b2];
    lines.push(`W⁽²⁾ ${is} [${w5}, ${w6}], b⁽²⁾ ${is} ${b3} (w5 ${is} ${w5}, w6 ${is} ${w6}, b3 ${is} ${b3}): ${readoutClaim(check, n)}`);
  } else {
    lines.push(`not separable: ${check.reason}`);
  }
  for (const n of check.notes) lines.push(`note: ${n}`);
  return lines.join('\n');
}

/**
 * What the readout does on the four points, said no stronger than it holds: exactly for relu and
 * identity; on double-precision values for sigmoid and tanh, whose rounded coefficients are said
 * to be rounded.
 */
function readoutClaim(check: XorCheck & { readonly separable: true }, n: ReadoutNumbers): string {
  const r = check.readout;
  if (r.kind === 'threshold') {
    const none = check.exact
      ? 'no affine readout is exactly 0/1 here'
      : r.unstable !== undefined
        ? `the affine readout that is 0/1 on the values of h above has |w5| + |w6| ≈ ${r.unstable.toPrecision(1)}, so large that their rounding decides it`
        : 'no affine readout is 0/1 here, even to double precision';
    return `ŷ = W⁽²⁾h + b⁽²⁾ is ≥ 1 on y = 1 and ≤ 0 on y = 0, so thresholding at 1/2 gives XOR (${none})`;
  }
  if (check.exact) return 'ŷ = W⁽²⁾h + b⁽²⁾ is exactly XOR on the four points';
  const error = r.error ?? 0;
  const onValues = error === 0 ? 'exactly 0 and 1 on the values of h above' : `within ${error.toPrecision(1)} of 0 and 1 on the values of h above`;
  const rounded =
    n.digits === undefined ? '' : `; W⁽²⁾ and b⁽²⁾ are rounded to ${n.digits} significant digits, which keep ŷ within ${ROUNDED_READOUT_ERROR_TEXT} of 0 and 1 (--format json gives them in full)`;
  return `ŷ = W⁽²⁾h + b⁽²⁾ is XOR on the four points to double precision: ${onValues}${rounded}`;
}

/** Left-aligned columns two spaces apart (widths counted in code points: W⁽¹⁾ is 4 wide). */
function table(rows: readonly (readonly string[])[]): string[] {
  const width = (s: string): number => [...s].length;
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => width(r[j]))));
  return rows.map((r) => r.map((c, j) => (j === r.length - 1 ? c : c + ' '.repeat(widths[j] - width(c)))).join('  '));
}

/** JSON keeps exact values as fraction text ("1/2") and floats at full precision. */
function jsonResult(check: XorCheck): unknown {
  const v = (q: Rational): string => (check.exact ? rationalText(q, true) : String(Number(q.valueOf())));
  const exact = (q: Rational): string => rationalText(q, true);
  const pair = (p: Point, f: (q: Rational) => string): string[] => [f(p[0]), f(p[1])];
  return {
    separable: check.separable,
    activation: check.activation,
    exact: check.exact,
    W1: check.W1.map((r) => pair(r, exact)),
    b1: pair(check.b1, exact),
    points: check.points.map((p, i) => ({
      x: [...p.x],
      y: p.y,
      z: pair(p.z, exact),
      h: pair(p.h, v),
      ...(check.separable ? { yhat: v(check.readout.outputs[i]) } : {}),
    })),
    reason: check.reason,
    notes: check.notes,
    ...(check.separable
      ? { readout: readoutJson(check) }
      : {
          obstruction: {
            kind: check.obstruction.kind,
            point: pair(check.obstruction.point, v),
            plusWeight: v(check.obstruction.plusWeight),
            minusWeight: v(check.obstruction.minusWeight),
          },
        }),
  };
}

/**
 * The readout in JSON: exact fraction text, except an exact readout on sigmoid or tanh values,
 * whose 30-digit fractions are given as doubles at full precision (as h and ŷ are), with `error`,
 * the largest |ŷ − y| on the double-precision values of h.
 */
function readoutJson(check: XorCheck & { readonly separable: true }): Record<string, unknown> {
  const r = check.readout;
  const rounded = readoutNumbers(check).digits !== undefined;
  const v = (q: Rational): string => (rounded ? String(Number(q.valueOf())) : rationalText(q, true));
  return {
    W2: [v(r.W2[0]), v(r.W2[1])],
    b2: v(r.b2),
    kind: r.kind,
    threshold: rationalText(r.threshold, true),
    ...(r.error === undefined ? {} : { error: r.error }),
  };
}

function latexResult(check: XorCheck): string {
  const q = (x: Rational, isExact = check.exact): string => (isExact ? toLatex(num(x)) : rationalText(x, false));
    const vecLatex = (p: Point, isExact = check.exact): string => `(${q(p[0], isExact)}, ${q(p[1], isExact)})`;
  const act = `\\operatorname{${check.activation}}`;
  const lines = [
    `\\mathbf{W}^{(1)} = ${bmatrixLatex(check.W1.map((r) => r.map((x) => q(x, true))))},\\quad \\mathbf{b}^{(1)} = ${bmatrixLatex(check.b1.map((x) => [q(x, true)]))}`,
  ];
  const head = ['x_1', 'x_2', 'y', '\\mathbf{z} = \\mathbf{W}^{(1)}\\mathbf{x} + \\mathbf{b}^{(1)}', `\\mathbf{h} = ${act}(\\mathbf{z})`, ...(check.separable ? ['\\hat{y}'] : [])];
  const body = check.points.map((p, i) => [
    String(p.x[0]),
    String(p.x[1]),
    String(p.y),
    vecLatex(p.z, true),
    vecLatex(p.h),
    ...(check.separable ? [q(check.readout.outputs[i])] : []),
  ]);
  lines.push(`\\begin{array}{${'c'.repeat(head.length)}} ${head.join(' & ')} \\\\ \\hline ${body.map((r) => r.join(' & ')).join(' \\\\ ')} \\end{array}`);
  lines.push(`\\text{${check.separable ? 'separable' : 'not separable'}: ${textLatex(check.reason)}}`);
  if (check.separable) {
    const r = check.readout;
    const n = readoutNumbers(check);
    if (n.digits === undefined) {
      lines.push(`\\mathbf{W}^{(2)} = ${bmatrixLatex([[q(r.W2[0], true), q(r.W2[1], true)]])},\\quad \\mathbf{b}^{(2)} = ${bmatrixLatex([[q(r.b2, true)]])}`);
    } else {
      lines.push(`\\mathbf{W}^{(2)} \\approx ${bmatrixLatex([[n.W2[0], n.W2[1]]])},\\quad \\mathbf{b}^{(2)} \\approx ${bmatrixLatex([[n.b2]])}`);
    }
  }
  for (const n of check.notes) lines.push(`\\text{${textLatex(n)}}`);
  return lines.join('\n');
}

/** Prose inside \text{…}: escape TeX's specials and put the few math glyphs of the reasons in math mode. */
function textLatex(s: string): string {
  return s
    .replace(/[\\{}$&#%_^~]/g, (c) => `\\${c === '\\' ? 'textbackslash{}' : c}`)
    .replace(/([Wb])⁽([¹²])⁾/g, (_, m: string, d: string) => `$\\mathbf{${m}}^{(${d === '¹' ? 1 : 2})}$`)
    .replace(/−/g, '$-$')
    .replace(/ŷ/g, '$\\hat{y}$');
}

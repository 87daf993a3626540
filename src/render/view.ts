/**
 * Sheet → the data the Handlebars templates lay out, with every formula already typeset. Both
 * the student sheet and the key come from here; the student view simply has no answers, steps
 * or key figures, so the sheet cannot leak them through a template slip.
 */
import { hasSpecAnswers, type Sheet } from '../exercises/sheet.js';
import type { Answer, Block, Check, Exercise } from '../exercises/types.js';
import { DERIVATIVE_POINTS } from '../exercises/verify.js';
import { InputError } from '../errors.js';
import { displayHtml, MathError, proseHtml } from './katex.js';
import { ProseError, plainProse } from './prose.js';
import { answerLatex, casesLatex, checkSentence, continuation } from './describe.js';
import { stepGroups } from './step-groups.js';

export interface BlockView {
  readonly kind: Block['kind'];
  readonly html?: string;
  readonly svg?: string;
  readonly captionHtml?: string;
  /** For `space`: the ruled lines in groups a page never splits, one entry per line (ruleGroups). */
  readonly ruleGroups?: readonly (readonly number[])[];
  /**
   * For `text`: it leads into the formula or figure right after it ("Take the minibatch"), and
   * print keeps the two on one page (print.css, .lead-in). A class, not CSS's :has(+ .eq): that
   * cost Chromium ≈ 5 % of a key's print, measured.
   */
  readonly leadIn?: boolean;
}

export interface AnswerView {
  readonly id: string;
  /** "label = value", typeset; for a matrix too wide for a line, its label and shape. */
  readonly equationHtml: string;
  /** For a matrix or vector too wide for a line: one entry a line. */
  readonly entriesHtml: readonly string[];
  /** "label = \begin{cases}…", or one line per case when a case may not fit, typeset, for piecewise answers. */
  readonly casesHtml: readonly string[];
  readonly notesHtml: readonly string[];
  readonly fromSpec: boolean;
}

export interface StepView {
  readonly number: number;
  readonly becauseHtml: string;
  readonly equationHtml?: string;
}

export interface StepGroupView {
  /** What the steps derive (the answer's label), when the exercise has several answers. */
  readonly headHtml?: string;
  /** Steps for no answer in particular after those for each answer (a conclusion): set unnumbered, not as a new "1.". */
  readonly closing: boolean;
  readonly steps: readonly StepView[];
}

export interface ExerciseView {
  readonly id: string;
  readonly number: number;
  readonly kind: string;
  readonly titleHtml: string;
  readonly points: number;
  readonly pointsLabel: string;
  readonly prompt: readonly BlockView[];
  readonly answers: readonly AnswerView[];
  readonly stepGroups: readonly StepGroupView[];
  readonly figures: readonly BlockView[];
  readonly checksHtml: readonly string[];
  readonly data: Readonly<Record<string, unknown>>;
}

export interface SheetView {
  readonly isKey: boolean;
  /** Plain text for <title>. */
  readonly documentTitle: string;
  readonly courseHtml?: string;
  readonly titleHtml: string;
  readonly instructionsHtml?: string;
  readonly seed: number;
  readonly variantId?: string;
  readonly student?: string;
  readonly totalPoints: number;
  /** Some answer of the sheet is the instructor's, from the spec (the key says how those are marked). */
  readonly hasSpecAnswers: boolean;
  /** Plain text at the foot of every printed page (a CSS @page margin box): title · student · seed. */
  readonly pageFooter: string;
  readonly exercises: readonly ExerciseView[];
}

/** A formula of an exercise that KaTeX refused: a bug in gradsheet, reported with the exercise. */
export class RenderError extends Error {
  override readonly name = 'RenderError';
}

export function sheetView(sheet: Sheet, isKey: boolean): SheetView {
  const spec = (field: string, text: string): string => {
    try {
      return proseHtml(text);
    } catch (e) {
      if (e instanceof MathError || e instanceof ProseError) throw new InputError(`${field}: ${e.message}`);
      throw e;
    }
  };
  const variant = sheet.variant;
  // <title> (the browser's tab, the PDF's Title) cannot typeset: math in the title or the course
  // is written as text there, as in the page footer ($\nabla_{\mathbf{W}} f$ → ∇_Wf).
  const title = plainProse(sheet.title);
  const course = sheet.course === undefined ? undefined : plainProse(sheet.course);
  return {
    isKey,
    // The course goes first unless the title already starts with it ("CS 4342, Class 19: …").
    documentTitle: [course && !title.startsWith(course) ? course : undefined, title, variant ? (variant.student ?? `variant ${variant.id}`) : undefined, isKey ? 'answer key' : undefined]
      .filter((s): s is string => Boolean(s))
      .join(' — '),
    courseHtml: sheet.course ? spec('course', sheet.course) : undefined,
    titleHtml: spec('title', sheet.title),
    instructionsHtml: sheet.instructions ? spec('instructions', sheet.instructions) : undefined,
    seed: sheet.seed,
    variantId: variant?.id,
    student: variant?.student,
    totalPoints: sheet.totalPoints,
    hasSpecAnswers: hasSpecAnswers(sheet),
    pageFooter: [title, variant ? (variant.student ?? `variant ${variant.id}`) : undefined, `seed ${sheet.seed}`, isKey ? 'answer key' : undefined]
      .filter((s): s is string => Boolean(s))
      .join(' · '),
    exercises: sheet.exercises.map((ex) => exerciseView(ex, isKey)),
  };
}

function exerciseView(ex: Exercise, isKey: boolean): ExerciseView {
  let titleHtml: string;
  try {
    titleHtml = proseHtml(ex.title);
  } catch (e) {
    // A title with math is the instructor's (a spec's `title:`): bad input, not a bug.
    if (e instanceof MathError || e instanceof ProseError) throw new InputError(`exercise ${ex.id}: title: ${e.message}`);
    throw e;
  }
  let where = 'prompt';
  try {
    const shown = ex.prompt.filter((b) => !isKey || b.kind !== 'space');
    const prompt = shown.map((b, i) => blockView(b, shown[i + 1]));
    where = 'answers';
    const answers = isKey
      ? ex.answers.map((a) => {
          where = `answer ${a.id}`;
          return answerView(a);
        })
      : [];
    where = 'steps';
    const stepGroups = isKey ? groupSteps(ex) : [];
    where = 'figures';
    const figures = isKey ? ex.figures.map((b) => blockView(b)) : [];
    return {
      id: ex.id,
      number: ex.number,
      kind: ex.kind,
      titleHtml,
      points: ex.points,
      pointsLabel: ex.points === 1 ? '1 point' : `${ex.points} points`,
      prompt,
      answers,
      stepGroups,
      figures,
      checksHtml: isKey ? uniqueSentences(ex.checks).map(proseHtml) : [],
      data: ex.data,
    };
  } catch (e) {
    if (e instanceof MathError || e instanceof ProseError) {
      throw new RenderError(`exercise ${ex.id} (${ex.title}): ${where}: ${e.message}`);
    }
    throw e;
  }
}

/** A block as the templates show it; `next`, the block shown right after it. */
function blockView(b: Block, next?: Block): BlockView {
  switch (b.kind) {
    case 'text':
      return { kind: 'text', html: proseHtml(b.text), leadIn: next?.kind === 'math' || next?.kind === 'figure' };
    case 'math':
      return { kind: 'math', html: displayHtml(b.latex) };
    case 'figure':
      return { kind: 'figure', svg: inlineSvg(b.svg), captionHtml: b.caption ? proseHtml(b.caption) : undefined };
    case 'space':
      return { kind: 'space', ruleGroups: ruleGroups(Math.max(1, b.lines)).map((n) => Array.from({ length: n }, (_, i) => i)) };
  }
}

/** Ruled lines a page break leaves together at least, before it and after it. */
const RULES_KEPT = 3;

/**
 * The sizes of the groups of `n` ruled lines that a page never splits: a break inside the space
 * leaves at least RULES_KEPT lines on each side (no lone pair of rules on a page of its own).
 * 5 → [5]; 6 → [3, 3]; 8 → [3, 1, 1, 3].
 */
export function ruleGroups(n: number): number[] {
  if (n < 2 * RULES_KEPT) return [n];
  return [RULES_KEPT, ...Array.from({ length: n - 2 * RULES_KEPT }, () => 1), RULES_KEPT];
}

/**
 * An SVG file's text as inline HTML: the XML declaration and the namespace attributes go (the HTML
 * parser puts <svg> in the SVG namespace by itself), so the page holds no URL at all.
 */
export function inlineSvg(svg: string): string {
  return svg
    .replace(/^\s*<\?xml[^>]*\?>\s*/, '')
    .replace(/\s+xmlns(?::[A-Za-z]+)?="[^"]*"/g, '')
    .trim();
}

function answerView(a: Answer): AnswerView {
  const lines = answerLatex(a);
  return {
    id: a.id,
    equationHtml: displayHtml(lines[0]),
    entriesHtml: lines.slice(1).map(displayHtml),
    casesHtml: a.cases && a.cases.length > 0 ? casesLatex(a.label, a.cases).map(displayHtml) : [],
    notesHtml: (a.notes ?? []).map((n) => displayHtml(n)),
    fromSpec: a.fromSpec === true,
  };
}

/** Steps in order, grouped by the answer they derive (one unheaded group for a single answer). */
function groupSteps(ex: Exercise): StepGroupView[] {
  return stepGroups(ex).map((g) => ({
    headHtml: g.label !== undefined ? displayHtml(g.label) : undefined,
    closing: g.closing,
    steps: g.steps.map((s, i) => ({
      number: i + 1,
      becauseHtml: proseHtml(s.becauseLatex),
      equationHtml: s.latex ? displayHtml(continuation(s.latex)) : undefined,
    })),
  }));
}

function uniqueSentences(checks: readonly Check[]): string[] {
  return [...new Set(checks.map((c) => checkSentence(c, DERIVATIVE_POINTS)))];
}

/**
 * The gradients in matrix form, as the lecture introduces them: "It is more compact and efficient
 * to represent and compute these gradients more abstractly: ∇_{W⁽¹⁾} f_MSE, ∇_{W⁽²⁾} f_MSE,
 * ∇_{b⁽¹⁾} f_MSE, ∇_{b⁽²⁾} f_MSE, where ∇_{W⁽¹⁾} f_MSE = [∂f/∂w1 ∂f/∂w2; ∂f/∂w3 ∂f/∂w4]".
 * The derivation is src/nn/backprop.ts's: δ⁽ˡ⁾ = ∇_{z⁽ˡ⁾} f by the Jacobian chain rule, then
 * ∇_{W⁽ˡ⁾} f = δ⁽ˡ⁾h⁽ˡ⁻¹⁾ᵀ and ∇_{b⁽ˡ⁾} f = δ⁽ˡ⁾, every line a recorded rule.
 *
 * An answer's value is an Expr, so each gradient's value is its closed form expanded entry by
 * entry in the network's scalar names (src/linalg/expand.ts); the closed form (δ⁽¹⁾xᵀ) is the
 * answer's note. The check compares every entry with the core's scalar partial ∂f/∂p of the
 * expanded cost, arranged as the matrix (an independent route: scalar chain rule on one big Expr).
 *
 * Params: layers, activation, naming, difficulty (./network-params.ts).
 * Answers: `W1`, `W2`, …, then `b1`, `b2`, … (∇_{W⁽ˡ⁾} f and ∇_{b⁽ˡ⁾} f).
 * data: { layers: number[], activation: string[], naming,
 *         definitions: {name, latex, role}[] (forward pass, cost, δ's: LaTeX),
 *         gradients: {id, lhs, closedForm, parameters: string[][]}[] (LaTeX; names in W's shape) }
 */
import { z } from 'zod';
import { defineKind } from '../define.js';
import { m, math, space, text } from '../content.js';
import { answerFromSpec } from '../answers.js';
import { chooseNetwork, networkFields } from '../network-params.js';
import { diagramFigure, networkData, networkDefinition, outputNames } from '../network-content.js';
import type { Answer, Check, WorkedStep } from '../types.js';
import type { MatStep } from '../../linalg/steps.js';
import { matrix } from '../../expr/build.js';
import { partialLabelLatex } from '../../nn/format.js';
import { matrixFormGradients } from '../../nn/backprop.js';
import { networkBindings } from '../../nn/backprop-check.js';
import { expandMatrix } from '../../linalg/expand.js';
import { matrixToLatex } from '../../linalg/print-latex.js';
import { matrixToText } from '../../linalg/print-text.js';
import { gradient, vectorSymbol } from '../../linalg/build.js';
import { differentiate } from '../../calculus/differentiate.js';
import { simplify } from '../../simplify/simplify.js';
import { alignedLatex, bmatrixLatex, latexList, toLatex } from '../../print/latex.js';
import { tooWideToSetWhole } from '../../print/width.js';

const params = z.object({ ...networkFields }).strict();

const fromMatStep = (s: MatStep, answerId?: string): WorkedStep => ({
  because: s.because,
  becauseLatex: s.becauseLatex,
  latex: s.latex,
  rule: s.rule,
  answerId,
});

export const matrixGradients = defineKind({
  kind: 'matrix-gradients',
  title: 'Gradients in matrix form',
  summary: '∇_{W⁽ˡ⁾} f and ∇_{b⁽ˡ⁾} f with the δ of backpropagation, then entry by entry',
  params,
  generate: (p, rng, ctx) => {
    const net = chooseNetwork(p, rng, 'mse');
    const cost = net.lossExpr;
    if (!cost) throw new Error('matrix-gradients: the network has no cost');
    const form = matrixFormGradients(net);
    const bind = networkBindings(net, form);
    const forward = form.definitions.filter((d) => d.role !== 'delta');
    const loss = forward.find((d) => d.role === 'loss');
    if (!loss) throw new Error('matrix-gradients: the matrix form has no cost');
    const deltas = form.definitions.filter((d) => d.role === 'delta');

    const steps: WorkedStep[] = [
      {
        because: 'The forward pass and the cost, in matrix form.',
        becauseLatex: 'The forward pass and the cost, in matrix form:',
        latex: alignedLatex(forward.map((d) => `${matrixToLatex(d.name)} &= ${matrixToLatex(d.expr)}`)),
      },
    ];
    for (const d of deltas) {
      const z = vectorSymbol('z', d.name.rows, d.name.layer);
      steps.push({
        // The reason says what δ is for; the formula below defines it (the reason used to repeat it).
        because: `The gradient of f with respect to the pre-activation ${matrixToText(z)}, worked out backwards from the output.`,
        becauseLatex: `The gradient of ${m('f')} with respect to the pre-activation ${m(matrixToLatex(z))}, worked out backwards from the output:`,
        latex: `${matrixToLatex(d.name)} = ${matrixToLatex(gradient(form.objective, z))}`,
      });
      steps.push(...d.steps.map((s) => fromMatStep(s)));
    }

    const answers: Answer[] = [];
    const checks: Check[] = [];
    // The prompt's cost is f = ½(ŷ − y)²: an answer may write ŷ, as in mse-partials.
    const names = outputNames(net);
    const gradients = form.gradients.map((g) => {
      const id = `${g.wrt.name}${g.layer}`;
      const lhs = matrixToLatex(g.lhs);
      const closedForm = matrixToLatex(g.expr);
      const entries = expandMatrix(g.expr, bind).map((row) => row.map((e) => simplify(e)));
      const value = matrix(entries.length, entries[0].length, entries.flat());
      const given = answerFromSpec(ctx, id, value);
      answers.push({ id, label: lhs, ...given, notes: [`${lhs} = ${closedForm}`], names });
      const scalar = g.parameters.flat().map((q) => differentiate(cost, q));
      checks.push({ kind: 'identity', answerId: id, expr: matrix(g.parameters.length, g.parameters[0].length, scalar) });
      steps.push(...g.steps.map((s) => fromMatStep(s, id)));
      // Too wide to set whole, the matrix is not restated here: the answer above sets it entry by entry.
      const whole = !tooWideToSetWhole(value);
      steps.push({
        answerId: id,
        because: `Entry by entry, in the network’s parameters (ŷ written out)${whole ? '' : ', as the answer sets them out'}.`,
        becauseLatex: `Entry by entry, entry ${m('(i, j)')} is the partial of the cost with respect to the parameter in that place of ${m(matrixToLatex(g.wrt))}${whole ? ':' : ', as the answer above sets them out one by one.'}`,
        latex: whole ? `${lhs} = ${toLatex(value)}` : '',
      });
      return { id, lhs, closedForm, parameters: g.parameters };
    });

    const gradientList = latexList(form.gradients.map((g) => matrixToLatex(g.lhs)));
    const first = form.gradients[0];
    const example = `${matrixToLatex(first.lhs)} = ${bmatrixLatex(first.parameters.map((row) => row.map((q) => partialLabelLatex('f', q, 'none'))))}`;
    return {
      id: ctx.id,
      number: ctx.number,
      kind: 'matrix-gradients',
      title: ctx.title ?? 'Gradients in matrix form',
      points: ctx.points,
      prompt: [
        text('Consider the network in the figure.'),
        diagramFigure(net),
        ...networkDefinition(net),
        text(`with cost ${m(`f = ${matrixToLatex(loss.expr)}`)}. Derive, in matrix form,`),
        math(gradientList),
        text(`using ${m('\\boldsymbol{\\delta}^{(l)} = \\nabla_{\\mathbf{z}^{(l)}} f')}, where ${m('\\mathbf{z}^{(l)}')} is the pre-activation of layer ${m('l')}. Then write each gradient out entry by entry in the parameters, where`),
        math(example),
        text('and so on.'),
        space(10),
      ],
      answers,
      steps,
      figures: [],
      checks,
      data: {
        ...networkData(net),
        definitions: form.definitions.map((d) => ({ name: matrixToLatex(d.name), latex: matrixToLatex(d.expr), role: d.role })),
        gradients,
      },
    };
  },
});

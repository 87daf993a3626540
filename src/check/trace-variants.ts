/**
 * Mistake variants from the derivation itself: at each step of derive(f, w) (the trace the answer
 * key shows), the rule that was applied is replaced by a buggy version of it, and the rest of the
 * derivation is completed correctly. These reach mistakes that are not a dropped top-level factor
 * of the simplified answer: a missing inner derivative inside a longer chain, the product rule
 * written as f′g′ or with one term, the power rule without its inner derivative or with the
 * exponent not lowered.
 */
import type { Expr } from '../expr/types.js';
import { deriv, diff, mul, num, pow } from '../expr/build.js';
import { dependenceTest, freeSymbols, mapBottomUp, replaceNode } from '../expr/traverse.js';
import { derive, differentiate, firstPending, rawDerivative } from '../calculus/differentiate.js';
import { lookupOp } from '../ops/registry.js';
import { simplify } from '../simplify/simplify.js';
import { functionUnicode as fnU, placeholderName, symbolUnicode, unicode as u } from './notation.js';
import { hasTensor } from './shape.js';
import type { Problem } from './input.js';
import type { Variant } from './variants.js';

/** Steps of the derivation examined (the lecture's partials take 4 to 12). */
const MAX_STEPS = 40;

export function traceVariants(problem: Problem): Variant[] {
  const fn = problem.fn;
  if (!fn || problem.wrt.length !== 1 || hasTensor(fn)) return [];
  const w = problem.wrt[0];
  const dep = dependenceTest(w);
  if (!dep(fn)) return [];
  const { steps } = derive(fn, w, { maxSteps: MAX_STEPS });
  const out: Variant[] = [];
  let prev: Expr = fn.kind === 'sym' ? fn : diff(fn, w);
  for (const step of steps) {
    if (step.rule === 'remaining' || step.rule === 'simplify') break;
    const node = firstPending(prev);
    if (!node) break;
    for (const b of buggyRules(node.expr, w, dep, problem.variables)) out.push({ id: b.id, message: b.message, expr: complete(replaceNode(prev, node, b.value)) });
    prev = step.expr;
  }
  return out;
}

interface Buggy {
  readonly id: Variant['id'];
  readonly value: Expr;
  readonly message: () => string;
}

function buggyRules(e: Expr, w: string, dep: (e: Expr) => boolean, variables: ReadonlySet<string>): Buggy[] {
  const W = symbolUnicode(w);
  const out: Buggy[] = [];
  if (e.kind === 'call' && e.args.length === 1 && e.fn !== 'transpose') {
    const z = e.args[0];
    const op = lookupOp(e.fn);
    const partial = op ? op.partial(0, [z]) : deriv(e.fn, [1], [z]);
    const g = fnU(e.fn);
    if (!(z.kind === 'sym' && z.name === w)) {
      out.push({
        id: 'missing-inner-derivative',
        value: partial,
        message: () => {
          const a = placeholderName(new Set([...variables, ...freeSymbols(z)]));
          return `Missing the inner derivative ∂${a}/∂${W} = ${u(differentiate(z, w))} of ${a} = ${u(z)}: by the chain rule, ∂${g}(${a})/∂${W} = ${g}′(${a})·∂${a}/∂${W}.`;
        },
      });
    }
    out.push({
      id: 'function-for-derivative',
      value: mul(e, diff(z, w)),
      message: () => {
        const a = placeholderName(new Set([...variables, ...freeSymbols(z)]));
        return `${g} where ${g}′ belongs: ∂${g}(${a})/∂${W} = ${g}′(${a})·∂${a}/∂${W}, with the derivative ${u(simplify(partial))} in place of ${u(e)}.`;
      },
    });
  } else if (e.kind === 'mul') {
    const dependent = e.factors.filter(dep);
    if (dependent.length >= 2) {
      out.push({
        id: 'product-rule',
        value: mul(...e.factors.map((f) => (dep(f) ? diff(f, w) : f))),
        message: () => `The product rule is (fg)′ = f′g + fg′, not f′g′: in ${u(e)}, differentiate one factor at a time and add the terms.`,
      });
      e.factors.forEach((f, i) => {
        if (!dep(f)) return;
        out.push({
          id: 'product-rule',
          value: mul(...e.factors.map((g, j) => (i === j ? diff(g, w) : g))),
          message: () => `The product rule needs one term for each factor of ${u(e)} that depends on ${W}: (fg)′ = f′g + fg′. Your answer has only the term where ${u(f)} is differentiated.`,
        });
      });
    }
  } else if (e.kind === 'pow' && e.exp.kind === 'num' && dep(e.base) && !(e.base.kind === 'sym' && e.base.name === w)) {
    const n = e.exp;
    out.push({
      id: 'power-rule',
      value: mul(n, pow(e.base, num(n.value.sub(1)))),
      message: () => `Missing the inner derivative: ∂(uⁿ)/∂${W} = n·uⁿ⁻¹·∂u/∂${W} with u = ${u(e.base)}, so the factor ∂u/∂${W} = ${u(differentiate(e.base, w))} belongs in the product.`,
    });
    out.push({
      id: 'power-rule',
      value: mul(n, e, diff(e.base, w)),
      message: () => `The power rule lowers the exponent by one: ∂(uⁿ)/∂${W} = n·uⁿ⁻¹·∂u/∂${W}, not n·uⁿ·∂u/∂${W}.`,
    });
  }
  return out;
}

/** Finish the derivation correctly from here: every pending ∂/∂w[·] computed, then simplified. */
function complete(e: Expr): Expr {
  return simplify(mapBottomUp(e, (n) => (n.kind === 'diff' ? rawDerivative(n.expr, n.wrt) : n)));
}

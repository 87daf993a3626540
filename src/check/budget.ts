/**
 * The time budget of one check, in two tiers.
 *  - The budget (default 250 ms) bounds the optional work: the symbolic shortcut, points steered by
 *    the answer's own kinks, the diagnosis and the partial credit. When it runs out, the verdict
 *    still comes, without them.
 *  - The verdict's own work is bounded by counts (a 2,000-character answer, 16 points, 60 draws
 *    per point) and, as a safety net for pathological expected answers, by 10× the budget
 *    (2.5 s by default), after which the check says "could not decide".
 * So a busy machine delays a verdict but does not change it.
 *
 * Measured (./benchmark.ts, 2 shared CPUs at load ≈ 7): a warm check of the lecture's partials
 * takes a median 0.6 ms (0.4 ms right, 0.85 ms wrong with its diagnosis); a first, cold one
 * 15–150 ms (call warmUp() at page load: then 7–30 ms); a 2,000-character answer 20–60 ms.
 * Steps are not interrupted, so a check may overrun a deadline by one step (parsing 1,800
 * characters of text takes 33 ms in the core parser). The CLI uses a 2,000 ms budget.
 * The default is 250 ms, not less, because a cold first check runs 25–35 ms on an idle machine
 * and several times that on a loaded one: at 50 ms, the first check of a process under load lost
 * its diagnosis, so the same call gave a different feedback the second time.
 * The clock is injected (performance.now by default, present in Node and browsers alike).
 */
export const DEFAULT_TIME_BUDGET_MS = 250;
/** The verdict's safety net, as a multiple of the budget. */
export const HARD_LIMIT_FACTOR = 10;

export type Clock = () => number;

export const defaultClock: Clock = () => globalThis.performance.now();

export class Budget {
  private readonly soft: number;
  private readonly hard: number;

  constructor(
    private readonly clock: Clock,
    readonly ms: number,
  ) {
    const now = clock();
    this.soft = now + ms;
    this.hard = now + HARD_LIMIT_FACTOR * ms;
  }

  /** The budget for optional work is spent. */
  expired(): boolean {
    return this.clock() > this.soft;
  }

  /** The verdict's safety net is reached: stop and say "could not decide". */
  exhausted(): boolean {
    return this.clock() > this.hard;
  }
}

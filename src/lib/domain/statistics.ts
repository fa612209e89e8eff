/**
 * The statistics the benchmark publishes about a cohort: its count and five quantiles of each
 * score, never a mean or a histogram, and only for cells that reveal no group smaller than k.
 */

/** The published quantiles, in percent. */
export const quantileLevels = { p10: 10, p25: 25, p50: 50, p75: 75, p90: 90 } as const;
export type QuantileName = keyof typeof quantileLevels;
export type Quantiles = Record<QuantileName, number>;

/**
 * The quantile at `percent` % of ascending values by linear interpolation between order
 * statistics (Hyndman & Fan type 7, the default of R and NumPy): with h = (n − 1) × percent / 100,
 * the value of rank ⌊h⌋ (from 0) plus (h − ⌊h⌋) of the step to the next value. The percentage is
 * a whole number so that, on whole scores, the arithmetic is exact (no 0.1 × 3 = 0.30000000000000004).
 *
 * Worked example, scores [20, 35, 50, 60, 90] (n = 5):
 * - p10: h = 0.4 → 20 + 0.4 × (35 − 20) = 26
 * - p25: h = 1 → 35; p50: h = 2 → 50; p75: h = 3 → 60
 * - p90: h = 3.6 → 60 + 0.6 × (90 − 60) = 78
 */
export function quantile(sorted: ArrayLike<number>, percent: number): number {
	if (sorted.length === 0) throw new RangeError('the quantile of no value is undefined');
	if (!Number.isInteger(percent) || percent < 0 || percent > 100)
		throw new RangeError(`percent must be a whole number from 0 to 100, got ${percent}`);
	const scaled = (sorted.length - 1) * percent; // h × 100
	const low = Math.floor(scaled / 100);
	const a = sorted[low]!;
	const b = sorted[Math.min(low + 1, sorted.length - 1)]!;
	return (100 * a + (scaled - 100 * low) * (b - a)) / 100;
}

/**
 * The five published quantiles of ascending scores, rounded to whole points (half up): scores
 * are whole points, and a coarser figure tells less about the values it sits between.
 * [20, 35, 50, 60, 90] → { p10: 26, p25: 35, p50: 50, p75: 60, p90: 78 }.
 */
export function quantiles(sorted: ArrayLike<number>): Quantiles {
	const out = {} as Quantiles;
	for (const [name, percent] of Object.entries(quantileLevels) as [QuantileName, number][])
		out[name] = Math.round(quantile(sorted, percent));
	return out;
}

/** A candidate cell of a publication tree: its count and its parent's key (null for a root). */
export interface CellCount {
	key: string;
	parent: string | null;
	n: number;
}

/**
 * The cells that may be published: n ≥ k, and no group of fewer than k contributions can be
 * isolated by comparing published cells.
 *
 * Why the threshold alone is not enough (differencing): the cells of one questionnaire pool and
 * campaign form a tree (type ⊃ type × band ⊃ type × band × region). If commune×3500-9999 has
 * n = 10, made of 6 contributions in region 84 and 4 in region 44, suppressing region 44 (4 < 5)
 * while publishing region 84 (n = 6) and its parent (n = 10) gives away 44's count by
 * subtraction, and the parent's quantiles against 84's narrow down its 4 scores.
 *
 * The rule: the only sets whose statistics can be pieced together from a tree of published cells
 * are unions of its "atoms", one per published cell P: the contributions of P in none of its
 * published sub-cells (P's residual). Every count a reader can derive is a sum of atom counts,
 * since a linear combination of nested and disjoint cells is constant on each atom. So every
 * residual must be 0 (nothing to learn) or ≥ k (a group of at least k, like any published cell).
 * When a residual falls between, the smallest published sub-cell concerned is withdrawn too
 * (secondary suppression) until every residual passes: above, region 84 is withdrawn and both
 * regions fall back to commune×3500-9999. The loop ends because each pass withdraws a cell.
 *
 * Counts are then published exactly: rounding them would not stop quantile differencing, and
 * no count a reader can derive describes fewer than k contributions. Which cells are withdrawn
 * is not said (a fallback only says "not published"): telling "fewer than k" from "protected"
 * would hint at the hidden count.
 */
export function publishableCells(cells: readonly CellCount[], k: number): Set<string> {
	const children = new Map<string, CellCount[]>();
	const byKey = new Map(cells.map((c) => [c.key, c]));
	for (const c of cells) {
		if (c.parent === null) continue;
		const siblings = children.get(c.parent);
		if (siblings) siblings.push(c);
		else children.set(c.parent, [c]);
	}
	const published = new Set(cells.filter((c) => c.n >= k).map((c) => c.key));
	/** The published cells right under `key`: published children, or theirs when withdrawn. */
	const frontier = (key: string): CellCount[] =>
		(children.get(key) ?? []).flatMap((c) => (published.has(c.key) ? [c] : frontier(c.key)));
	const depth = (c: CellCount): number => {
		let d = 0;
		for (let p = c.parent; p !== null; p = byKey.get(p)?.parent ?? null) d++;
		return d;
	};
	// Deepest first: a parent's residual is checked once its sub-cells are settled.
	const order = [...cells].sort((a, b) => depth(b) - depth(a) || a.key.localeCompare(b.key));
	for (let changed = true; changed;) {
		changed = false;
		for (const cell of order) {
			if (!published.has(cell.key)) continue;
			const below = frontier(cell.key);
			const residual = cell.n - below.reduce((s, c) => s + c.n, 0);
			if (residual === 0 || residual >= k) continue;
			// n ≥ k, so a residual under k means at least one published sub-cell.
			const smallest = below.reduce((a, b) =>
				b.n < a.n || (b.n === a.n && b.key < a.key) ? b : a
			);
			published.delete(smallest.key);
			changed = true;
		}
	}
	return published;
}

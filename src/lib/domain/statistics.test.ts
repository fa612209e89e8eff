import { describe, expect, it } from 'vitest';
import { publishableCells, quantile, quantiles, type CellCount } from './statistics.ts';

describe('quantile (type 7, linear interpolation)', () => {
	const scores = [20, 35, 50, 60, 90];
	it.each([
		[10, 26],
		[25, 35],
		[50, 50],
		[75, 60],
		[90, 78],
		[0, 20],
		[100, 90]
	])('the worked example: p%s of [20, 35, 50, 60, 90] is %s', (percent, expected) => {
		expect(quantile(scores, percent)).toBe(expected);
	});

	it('is exact on whole scores where floating point would drift', () => {
		// 36 values 0..35: p10 has h = 3.5 exactly, so it sits halfway between 3 and 4.
		const values = Array.from({ length: 36 }, (_, i) => i);
		expect(quantile(values, 10)).toBe(3.5);
		expect(quantiles(values).p10).toBe(4); // half up
	});

	it('gives the only value of a single score', () => {
		expect(quantiles([42])).toEqual({ p10: 42, p25: 42, p50: 42, p75: 42, p90: 42 });
	});

	it('refuses what has no quantile', () => {
		expect(() => quantile([], 50)).toThrow(RangeError);
		expect(() => quantile([1], 50.5)).toThrow(RangeError);
		expect(() => quantile([1], 101)).toThrow(RangeError);
	});

	it('rounds the five published quantiles to whole points', () => {
		expect(quantiles(scores)).toEqual({ p10: 26, p25: 35, p50: 50, p75: 60, p90: 78 });
		expect(quantiles([0, 1])).toEqual({ p10: 0, p25: 0, p50: 1, p75: 1, p90: 1 });
	});
});

const cell = (key: string, n: number): CellCount => ({
	key,
	n,
	parent: key.includes('/') ? key.slice(0, key.lastIndexOf('/')) : null
});

describe('publishableCells', () => {
	it('withdraws a sibling whose publication would reveal a small cell by subtraction', () => {
		const cells = [cell('c', 10), cell('c/b', 10), cell('c/b/84', 6), cell('c/b/44', 4)];
		expect([...publishableCells(cells, 5)].sort()).toEqual(['c', 'c/b']);
	});

	it('publishes every cell of at least k when nothing can be isolated', () => {
		const cells = [cell('c', 11), cell('c/b', 11), cell('c/b/84', 6), cell('c/b/44', 5)];
		expect(publishableCells(cells, 5).size).toBe(4);
	});

	it('accepts a residual of k or more', () => {
		const cells = [cell('c', 20), cell('c/b', 20), cell('c/b/84', 6), cell('c/b/44', 4)];
		cells.push(cell('c/b/11', 3), cell('c/b/53', 7));
		// Residual of c/b: 20 − 6 − 7 = 7 ≥ 5 (regions 44 and 11 together).
		expect([...publishableCells(cells, 5)].sort()).toEqual(['c', 'c/b', 'c/b/53', 'c/b/84']);
	});

	it('settles deeper cells first, then their parents', () => {
		// Band 1 has n = 5 (published) and band 2 n = 3: the root's residual is 3 → withdraw band 1.
		// Band 1's regions (5 = 5 + 0) were published; once band 1 is withdrawn its region becomes
		// the root's frontier and must go as well.
		const cells = [cell('t', 8), cell('t/1', 5), cell('t/1/44', 5), cell('t/2', 3)];
		cells.push(cell('t/2/44', 3));
		expect([...publishableCells(cells, 5)]).toEqual(['t']);
	});

	it('never publishes a cell under k', () => {
		expect(publishableCells([cell('t', 4), cell('t/1', 4)], 5).size).toBe(0);
	});

	it('leaves every published residual at 0 or at least k, on random trees', () => {
		let seed = 7;
		const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		for (let trial = 0; trial < 300; trial++) {
			const leaves: CellCount[] = [];
			for (let b = 0; b < 4; b++)
				for (let r = 0; r < 5; r++) {
					const n = Math.floor(rand() * rand() * 12);
					if (n > 0) leaves.push(cell(`t/${b}/${r}`, n));
				}
			const sum = (prefix: string) =>
				leaves.filter((l) => l.key.startsWith(prefix + '/')).reduce((s, l) => s + l.n, 0);
			const bands = [0, 1, 2, 3].map((b) => cell(`t/${b}`, sum(`t/${b}`))).filter((c) => c.n);
			const cells = [cell('t', sum('t')), ...bands, ...leaves];
			const k = 3 + (trial % 4);
			const published = publishableCells(cells, k);
			const children = (key: string): CellCount[] =>
				cells
					.filter((c) => c.parent === key)
					.flatMap((c) => (published.has(c.key) ? [c] : children(c.key)));
			for (const key of published) {
				const c = cells.find((x) => x.key === key)!;
				expect(c.n).toBeGreaterThanOrEqual(k);
				const residual = c.n - children(key).reduce((s, x) => s + x.n, 0);
				expect(residual === 0 || residual >= k, `${key} residual ${residual}`).toBe(true);
			}
		}
	});
});

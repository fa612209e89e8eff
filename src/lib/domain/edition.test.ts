import { describe, expect, it } from 'vitest';
import type { VersionPool } from './benchmark.ts';
import { cohortKey } from './cohort.ts';
import {
	changesSince,
	EditionInputError,
	isUnchanged,
	nextEdition,
	type EditionCell,
	type EditionContribution,
	type EditionResult,
	type PastEdition
} from './edition.ts';

const K = 5;
const pools: VersionPool[] = [
	{ id: 'x@1', questionnaire: 'x', versions: [1], themes: ['a'] },
	{ id: 'x@2', questionnaire: 'x', versions: [2], themes: ['a'] }
];

type Cohort = EditionContribution['cohort'];
const here: Cohort = { type: 'commune', band: '3500-9999', region: '44' };

/** A contribution whose digest is its content, as the store's SHA-256 would distinguish it. */
function make(id: string, score: number, version = 1, cohort: Cohort = here): EditionContribution {
	return {
		id,
		questionnaire: 'x',
		version,
		cohort,
		scores: { overall: score, themes: { a: 100 - score } },
		synthetic: false,
		digest: `${version}|${cohortKey(cohort)}|${score}`
	};
}

/** A campaign's editions, published one after the other as the publication service does. */
class Campaign {
	editions: PastEdition[] = [];
	members = new Map<number, Map<string, string>>();
	constructor(readonly carryOver = true) {}

	publish(live: readonly EditionContribution[]): EditionResult | null {
		const number = this.editions.length + 1;
		const result = this.carryOver
			? nextEdition({ contributions: live, pools, k: K, ...this }, number)
			: nextEdition({ contributions: live, pools, k: K, editions: [], members: new Map() }, number);
		if (this.carryOver && isUnchanged(result, this.editions.length)) return null;
		this.editions.push({ number, cells: result.cells });
		this.members.set(number, new Map(live.map((c) => [c.id, c.digest])));
		return result;
	}
}

const cell = (r: EditionResult | PastEdition, cohort: string, pool = 'x@1') =>
	r.cells.find((c) => c.pool === pool && c.cohort === cohort);
const scores = (n: number, from = 0) =>
	Array.from({ length: n }, (_, i) => make(`c${from + i}`, 10 + (((from + i) * 7) % 80)));

describe('changesSince', () => {
	it('counts added, removed and replaced contributions: the worked example', () => {
		const then = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => make(id, 10 + i));
		const snapshot = new Map(then.map((c) => [c.id, c.digest]));
		const now = [then[0]!, make('c', 99), then[3]!, then[4]!, then[5]!, make('g', 1), make('h', 2)];
		expect(changesSince(now, 6, snapshot)).toBe(4);
		expect(changesSince(then, 6, snapshot)).toBe(0);
	});
});

describe('nextEdition', () => {
	it('publishes every publishable cell in a campaign’s first edition', () => {
		const r = new Campaign().publish(scores(6))!;
		expect(r.cells.map((c) => c.cohort)).toEqual([
			'commune',
			'commune/3500-9999',
			'commune/3500-9999/44'
		]);
		expect(r.counts).toEqual({ published: 3, carried: 0, suppressed: 0, dropped: 0 });
		expect(cell(r, 'commune')).toMatchObject({ n: 6, computedIn: 1 });
		// Scores 10, 17, 24, 31, 38, 45: p25 has h = 1.25 → 17 + 0.25 × 7 = 18.75 → 19.
		expect(cell(r, 'commune')!.figures.overall).toEqual({
			n: 6,
			p10: 14,
			p25: 19,
			p50: 28,
			p75: 36,
			p90: 42
		});
	});

	it('gives identical cells when nothing changed, and says nothing would change', () => {
		const live = scores(6);
		const campaign = new Campaign();
		const first = campaign.publish(live)!;
		const again = nextEdition({ contributions: live, pools, k: K, ...campaign }, 2);
		expect(again.cells).toEqual(first.cells);
		expect(again.counts).toEqual({ published: 0, carried: 3, suppressed: 0, dropped: 0 });
		expect(isUnchanged(again, 1)).toBe(true);
	});

	it('carries a cell over when k − 1 contributions changed, and renews it at k', () => {
		const campaign = new Campaign();
		const first = campaign.publish(scores(6))!;
		const second = campaign.publish(scores(6 + K - 1))!;
		// k − 1 new ones: no new figures anywhere, so no edition at all.
		expect(second).toBeNull();
		const third = campaign.publish(scores(6 + K))!;
		expect(cell(third, 'commune')).toMatchObject({ n: 6 + K, computedIn: 2 });
		expect(cell(third, 'commune')!.figures).not.toEqual(cell(first, 'commune')!.figures);
	});

	it('counts a replacement and a withdrawal as changes, against the carried figures’ edition', () => {
		const campaign = new Campaign();
		const live = scores(10);
		campaign.publish(live);
		// Two replaced, one new cell elsewhere: edition 2 publishes the new cell, carries the rest.
		const there: Cohort = { type: 'cc', band: '10000-29999', region: '84' };
		const step2 = [
			...live.slice(2),
			make('c0', 1),
			make('c1', 2),
			...Array.from({ length: 5 }, (_, i) => make(`cc${i}`, 50, 1, there))
		];
		const second = campaign.publish(step2)!;
		expect(cell(second, 'commune')).toMatchObject({ n: 10, computedIn: 1 });
		expect(cell(second, 'cc')).toMatchObject({ n: 5, computedIn: 2 });
		expect(second.counts).toMatchObject({ published: 3, carried: 3 });
		// Three withdrawals later, 2 + 3 = 5 changes since edition 1: new figures.
		const third = campaign.publish(step2.slice(3))!;
		expect(cell(third, 'commune')).toMatchObject({ n: 7, computedIn: 3 });
		expect(cell(third, 'cc')).toMatchObject({ computedIn: 2 });
	});

	it('drops a published cell that falls under k, and does not bring its old figures back', () => {
		const campaign = new Campaign();
		const live = scores(6);
		campaign.publish(live);
		const second = campaign.publish(live.slice(2))!;
		expect(second.cells).toEqual([]);
		expect(second.counts).toEqual({ published: 0, carried: 0, suppressed: 3, dropped: 3 });
		// Back to 5 with one newcomer: 3 changes since edition 1, so still not published.
		const third = nextEdition(
			{ contributions: [...live.slice(2), make('new', 5)], pools, k: K, ...campaign },
			3
		);
		expect(third.cells).toEqual([]);
		expect(third.counts.dropped).toBe(0);
	});

	it('keeps the differencing rule: a small sibling region withdraws its neighbour', () => {
		const far: Cohort = { ...here, region: '84' };
		const live = [...scores(6), ...['y1', 'y2', 'y3', 'y4'].map((id) => make(id, 40, 1, far))];
		const r = new Campaign().publish(live)!;
		expect(r.cells.map((c) => c.cohort)).toEqual(['commune', 'commune/3500-9999']);
		expect(r.counts.suppressed).toBe(2);
	});

	it('pools versions apart, and leaves a demo set out once a pool has real contributions', () => {
		const demo = scores(6).map((c) => ({ ...c, id: `d${c.id}`, synthetic: true }));
		const v2 = scores(5, 100).map((c) => make(c.id, c.scores.overall, 2));
		const r = new Campaign().publish([...demo, ...v2, make('real', 50)])!;
		expect(r.cells.filter((c) => c.pool === 'x@1')).toEqual([]);
		expect(cell(r, 'commune', 'x@2')).toMatchObject({ n: 5 });
		const demoOnly = new Campaign().publish(demo)!;
		expect(cell(demoOnly, 'commune')).toMatchObject({ n: 6 });
	});

	it('refuses to decide without the snapshot of the edition a cell was computed in', () => {
		const campaign = new Campaign();
		campaign.publish(scores(6));
		expect(() =>
			nextEdition(
				{ contributions: scores(6), pools, k: K, editions: campaign.editions, members: new Map() },
				2
			)
		).toThrow(EditionInputError);
	});
});

/**
 * The passive watcher: someone who only reads successive editions and compares a cell's figures
 * between them. If a cell's figures changed while fewer than k contributions of it changed, the
 * watcher learns about those few (one newcomer in a cell of 5 is narrowed down to a few values).
 * Random sequences of additions, replacements (some moving to another version pool) and
 * withdrawals; after each step a publication. Ground truth is the real membership of each cell
 * at the two moments the figures describe.
 */
describe('the passive watcher', () => {
	/** A small deterministic generator (mulberry32), so that failures replay. */
	const prng = (seed: number) => () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const cohorts: Cohort[] = [
		here,
		{ ...here, region: '84' },
		{ type: 'commune', band: '1000-3499', region: '44' }
	];

	/** Whether a contribution belongs to a published cell. */
	const inCell = (c: EditionContribution, cell: EditionCell) =>
		pools.find((p) => p.id === cell.pool)!.versions.includes(c.version) &&
		`${cohortKey(c.cohort)}/`.startsWith(`${cell.cohort}/`);

	/** How many contributions differ between a cell's members at two moments. */
	function trueChanges(
		then: readonly EditionContribution[],
		now: readonly EditionContribution[],
		a: EditionCell,
		b: EditionCell
	): number {
		const before = new Map(then.filter((c) => inCell(c, a)).map((c) => [c.id, c.digest]));
		const after = new Map(now.filter((c) => inCell(c, b)).map((c) => [c.id, c.digest]));
		let n = 0;
		for (const [id, d] of after) if (before.get(id) !== d) n++;
		for (const id of before.keys()) if (!after.has(id)) n++;
		return n;
	}

	/** Runs one random campaign; returns the watcher's findings and how many figures moved. */
	function watch(seed: number, carryOver: boolean) {
		const rand = prng(seed);
		const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
		const campaign = new Campaign(carryOver);
		const states = new Map<number, EditionContribution[]>();
		let live: EditionContribution[] = [];
		let next = 0;
		const leaks: string[] = [];
		let moved = 0;
		for (let step = 0; step < 60; step++) {
			for (let ops = 1 + Math.floor(rand() * 4); ops > 0; ops--) {
				const r = rand();
				if (r < 0.6 || live.length === 0)
					live.push(make(`t${next++}`, Math.floor(rand() * 101), 1, pick(cohorts)));
				else if (r < 0.85) {
					const old = pick(live);
					const version = rand() < 0.15 ? 3 - old.version : old.version;
					live = live.map((c) =>
						c === old ? make(c.id, Math.floor(rand() * 101), version, c.cohort) : c
					);
				} else {
					const gone = pick(live);
					live = live.filter((c) => c !== gone);
				}
			}
			const before = campaign.editions.at(-1);
			if (!campaign.publish(live)) continue;
			const after = campaign.editions.at(-1)!;
			states.set(after.number, [...live]);
			if (!before) continue;
			for (const b of after.cells) {
				const a = cell(before, b.cohort, b.pool);
				if (!a || JSON.stringify(a) === JSON.stringify(b)) continue;
				moved++;
				const changes = trueChanges(states.get(a.computedIn)!, states.get(b.computedIn)!, a, b);
				if (changes < K)
					leaks.push(
						`seed ${seed}, edition ${after.number}: ${b.pool} ${b.cohort} moved with ${changes} changes`
					);
			}
		}
		return { leaks, moved };
	}

	it('never sees a cell’s figures change with fewer than k changed contributions', () => {
		let moved = 0;
		for (let seed = 1; seed <= 40; seed++) {
			const r = watch(seed, true);
			expect(r.leaks).toEqual([]);
			moved += r.moved;
		}
		// The sequences really renew figures, so the check above has something to check.
		expect(moved).toBeGreaterThan(100);
	});

	it('would see such changes if every edition were computed afresh (no carry-over)', () => {
		const leaks = Array.from({ length: 40 }, (_, i) => watch(i + 1, false).leaks).flat();
		expect(leaks.length).toBeGreaterThan(100);
	});
});

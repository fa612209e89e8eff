import type { Statistic, VersionPool } from './benchmark.ts';
import type { TerritoryType } from './profile.ts';
import { publishableCells, quantiles, type CellCount } from './statistics.ts';

/**
 * The publication rule of an edition: which cells the next edition of a campaign publishes, with
 * new figures or with the figures of an earlier edition carried over unchanged.
 */

/** A live contribution of the campaign, as the rule sees it. */
export interface EditionContribution {
	/** Random row id, stable across replacements. */
	id: string;
	questionnaire: string;
	version: number;
	cohort: { type: TerritoryType; band: string; region: string };
	scores: { overall: number; themes: Record<string, number> };
	synthetic: boolean;
	/** A digest of version, cohort and scores: a replaced contribution changes digest. */
	digest: string;
}

/** What a cell publishes: the quantiles of the overall score and of each theme of its pool. */
export interface CellFigures {
	overall: Statistic;
	themes: Record<string, Statistic>;
}

/** One published cell: a version pool × a cohort (`commune/3500-9999/44`). */
export interface EditionCell {
	pool: string;
	cohort: string;
	n: number;
	figures: CellFigures;
	/** The edition whose contributions the figures describe (earlier when carried over). */
	computedIn: number;
}

export interface PastEdition {
	number: number;
	cells: readonly EditionCell[];
}

export interface EditionInput {
	contributions: readonly EditionContribution[];
	pools: readonly VersionPool[];
	k: number;
	/** Every earlier edition of the campaign (any order). */
	editions: readonly PastEdition[];
	/**
	 * Member snapshots (contribution id → digest) of the editions that carried cells' figures
	 * were computed in (at least every `computedIn` of `editions`' cells).
	 */
	members: ReadonlyMap<number, ReadonlyMap<string, string>>;
}

export interface EditionCounts {
	/** Cells with new figures. */
	published: number;
	/** Cells whose earlier figures are kept, unchanged. */
	carried: number;
	/** Candidate cells not published (n < k, differencing, or too few changes after a drop). */
	suppressed: number;
	/** Of the suppressed, cells the last edition published. */
	dropped: number;
}

export interface EditionResult {
	/** Sorted by pool then cohort; `computedIn` is `number` for new figures. */
	cells: EditionCell[];
	counts: EditionCounts;
}

/** Thrown when the input lacks a member snapshot the rule needs (a store inconsistency). */
export class EditionInputError extends Error {
	readonly code = 'missing_snapshot';
}

interface Candidate extends CellCount {
	pool: VersionPool;
	cohort: string;
	members: EditionContribution[];
}

/** n and the quantiles; a typed array sorts numbers natively (35,000 scores × 6 per cell). */
const statistic = (values: number[]): Statistic => ({
	n: values.length,
	...quantiles(Array.from(Float64Array.from(values).sort()))
});

const cellId = (pool: string, cohort: string) => `${pool}|${cohort}`;

/**
 * The candidate cells of one pool: every cohort of the chain type ⊃ type × band ⊃ type × band ×
 * region that holds a contribution of the pool's versions with every theme of the pool.
 *
 * Demo contributions never mix with real ones: their generator is public and deterministic, so
 * anyone could subtract them and a cell of 3 real and 2 synthetic contributions would expose 3.
 * As soon as a pool has a real contribution, its synthetic ones are left out.
 */
function candidates(all: readonly EditionContribution[], pool: VersionPool): Candidate[] {
	const inPool = all.filter(
		(c) =>
			c.questionnaire === pool.questionnaire &&
			pool.versions.includes(c.version) &&
			pool.themes.every((t) => Number.isInteger(c.scores.themes[t]))
	);
	const real = inPool.filter((c) => !c.synthetic);
	const used = real.length > 0 ? real : inPool;
	const cells = new Map<string, Candidate>();
	for (const c of used) {
		let parent: string | null = null;
		const { type, band, region } = c.cohort;
		// cohortKey of type, type × band and type × band × region, without building cohorts.
		for (const key of [type, `${type}/${band}`, `${type}/${band}/${region}`]) {
			let cell = cells.get(key);
			if (!cell) {
				cell = { key, parent, n: 0, pool, cohort: key, members: [] };
				cells.set(key, cell);
			}
			cell.n++;
			cell.members.push(c);
			parent = key;
		}
	}
	return [...cells.values()];
}

function figures(cell: Candidate): CellFigures {
	return {
		overall: statistic(cell.members.map((c) => c.scores.overall)),
		themes: Object.fromEntries(
			cell.pool.themes.map((t) => [t, statistic(cell.members.map((c) => c.scores.themes[t]!))])
		)
	};
}

/**
 * How many contributions of a cell changed since the edition whose figures it carries: added +
 * removed + whose digest changed, counted against that edition's member snapshot.
 *
 * The snapshot holds ids and digests, not cells, so the count is taken from what is known: U
 * members now in the cell are in the snapshot with the same digest (hence were in the cell
 * then), C members now in the cell are in the snapshot with another digest, and the cell then
 * held n₀ (its published n). With A added, R removed and C changed in place, n = U + A + C and
 * n₀ = U + R + C, so A + R + C = (n − U) + (n₀ − U) − C. A replaced contribution that moved
 * between pools only makes this smaller (it is counted as changed here, and removed there),
 * so the count never exceeds the truth: the rule errs on the side of carrying over.
 *
 * Example: a cell of 6 published in edition 1 (a…f); since, g and h were added, b withdrawn and
 * c replaced. Now n = 7 (a, c′, d, e, f, g, h), U = 4 (a, d, e, f), C = 1 (c′), n₀ = 6:
 * (7 − 4) + (6 − 4) − 1 = 4 changes (g, h, b, c).
 */
export function changesSince(
	members: readonly EditionContribution[],
	before: number,
	snapshot: ReadonlyMap<string, string>
): number {
	let same = 0;
	let changed = 0;
	for (const c of members) {
		const was = snapshot.get(c.id);
		if (was === c.digest) same++;
		else if (was !== undefined) changed++;
	}
	const joined = members.length - same;
	const left = before - same;
	return Math.max(joined, left, joined + left - changed);
}

/**
 * The cells of a campaign's next edition.
 *
 * 1. Every pool × cohort cell is a candidate; it may be published when n ≥ k and
 *    `publishableCells` keeps it (no group under k by differencing within the edition).
 * 2. From the campaign's second edition on, a cell some earlier edition published gets new
 *    figures only when its contributions changed by at least k (`changesSince`) since the
 *    edition its latest figures were computed in. Otherwise the last edition's figures are
 *    carried over unchanged, so that a watcher comparing successive editions never sees figures
 *    move by fewer than k contributions (one newcomer in a cell of 5 would otherwise be
 *    narrowed down from the old and new quantiles).
 * 3. A cell the last edition published that now fails step 1 is dropped: withdrawals are
 *    honoured. If it later passes step 1 again, it comes back only with new figures, after k
 *    changes; until then it stays suppressed rather than bring back figures of withdrawn data.
 *
 * Worked example, k = 5, one cell `commune` of pool `donnees@1`:
 * - edition 1: 6 contributions → published, n = 6, computed in 1;
 * - 3 more arrive: 3 changes < 5 → edition 2 carries edition 1's figures (n = 6, computed in 1);
 * - 2 more arrive: 5 changes since edition 1 → edition 3 publishes n = 11, computed in 3;
 * - 7 are withdrawn: n = 4 < k → edition 4 drops the cell.
 */
export function nextEdition(input: EditionInput, number: number): EditionResult {
	const { k, editions, members } = input;
	const last = Math.max(0, ...editions.map((e) => e.number));
	/** The latest earlier cell of each pool × cohort, with the edition that holds it. */
	const earlier = new Map<string, { cell: EditionCell; in: number }>();
	for (const e of [...editions].sort((a, b) => a.number - b.number))
		for (const cell of e.cells) earlier.set(cellId(cell.pool, cell.cohort), { cell, in: e.number });

	const cells: EditionCell[] = [];
	const counts: EditionCounts = { published: 0, carried: 0, suppressed: 0, dropped: 0 };
	for (const pool of input.pools) {
		const all = candidates(input.contributions, pool);
		const keep = publishableCells(all, k);
		for (const cand of all) {
			const before = earlier.get(cellId(pool.id, cand.cohort));
			const inLast = before !== undefined && before.in === last;
			if (!keep.has(cand.key)) {
				counts.suppressed++;
				if (inLast) counts.dropped++;
				continue;
			}
			if (before) {
				const snapshot = members.get(before.cell.computedIn);
				if (!snapshot)
					throw new EditionInputError(
						`no member snapshot of edition ${before.cell.computedIn} (cell ${pool.id} ${cand.cohort})`
					);
				if (changesSince(cand.members, before.cell.n, snapshot) < k) {
					if (inLast) {
						cells.push(before.cell);
						counts.carried++;
					} else counts.suppressed++;
					continue;
				}
			}
			cells.push({
				pool: pool.id,
				cohort: cand.cohort,
				n: cand.n,
				figures: figures(cand),
				computedIn: number
			});
			counts.published++;
		}
		// Cells of the last edition with no contribution left at all are dropped too.
		const present = new Set(all.map((c) => cellId(pool.id, c.cohort)));
		for (const [id, e] of earlier)
			if (e.in === last && e.cell.pool === pool.id && !present.has(id)) counts.dropped++;
	}
	cells.sort((a, b) => a.pool.localeCompare(b.pool) || a.cohort.localeCompare(b.cohort));
	return { cells, counts };
}

/** Nothing would change: every cell of the last edition carried over, nothing new or dropped. */
export function isUnchanged(result: EditionResult, editionsBefore: number): boolean {
	return editionsBefore > 0 && result.counts.published === 0 && result.counts.dropped === 0;
}

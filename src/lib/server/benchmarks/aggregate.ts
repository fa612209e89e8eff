import { versionPools, type Statistic, type VersionPool } from '../../domain/benchmark.ts';
import { cohortKey } from '../../domain/cohort.ts';
import type { Questionnaire } from '../../domain/questionnaire.ts';
import { publishableCells, quantiles } from '../../domain/statistics.ts';
import type { ContributionRecord } from '../store/types.ts';

/** What is published about one cohort: its count and the quantiles of every score. */
export interface Aggregate {
	n: number;
	synthetic: boolean;
	overall: Statistic;
	themes: Record<string, Statistic>;
}

/** Published aggregates of one pool in one campaign, by cohort key (`commune/3500-9999`). */
export type PoolAggregates = Map<string, Aggregate>;

interface Cell {
	key: string;
	parent: string | null;
	n: number;
	overall: number[];
	themes: number[][];
}

function statistic(values: number[]): Statistic {
	return { n: values.length, ...quantiles(values.sort((a, b) => a - b)) };
}

/**
 * The aggregates of one version pool from the contributions of one campaign: every cohort of
 * the chain type ⊃ type × band ⊃ type × band × region gets a cell, and only the cells that
 * `publishableCells` lets through are kept.
 *
 * Demo contributions never mix with real ones: their generator is public and deterministic, so
 * anyone could subtract them and a cell of 3 real and 2 synthetic contributions would expose 3.
 * As soon as a pool has a real contribution in a campaign, its synthetic ones are left out.
 */
export function aggregatePool(
	records: readonly ContributionRecord[],
	pool: VersionPool,
	k: number
): PoolAggregates {
	const inPool = records.filter(
		(r) =>
			pool.versions.includes(r.version) &&
			pool.themes.every((t) => Number.isInteger(r.scores.themes[t]))
	);
	const real = inPool.filter((r) => !r.synthetic);
	const used = real.length > 0 ? real : inPool;
	const synthetic = real.length === 0;

	const cells = new Map<string, Cell>();
	for (const r of used) {
		let parent: string | null = null;
		for (const cohort of [
			{ type: r.type },
			{ type: r.type, band: r.band },
			{ type: r.type, band: r.band, region: r.region }
		]) {
			const key = cohortKey(cohort);
			let cell = cells.get(key);
			if (!cell) {
				cell = { key, parent, n: 0, overall: [], themes: pool.themes.map(() => []) };
				cells.set(key, cell);
			}
			cell.n++;
			cell.overall.push(r.scores.overall);
			pool.themes.forEach((t, i) => cell.themes[i]!.push(r.scores.themes[t]!));
			parent = key;
		}
	}

	const out: PoolAggregates = new Map();
	for (const key of publishableCells([...cells.values()], k)) {
		const cell = cells.get(key)!;
		out.set(key, {
			n: cell.n,
			synthetic,
			overall: statistic(cell.overall),
			themes: Object.fromEntries(pool.themes.map((t, i) => [t, statistic(cell.themes[i]!)]))
		});
	}
	return out;
}

/** The aggregates of every pool of a questionnaire in one campaign, by pool id. */
export function aggregateGroup(
	records: readonly ContributionRecord[],
	versions: readonly Questionnaire[],
	k: number
): Map<string, PoolAggregates> {
	return new Map(versionPools(versions).map((pool) => [pool.id, aggregatePool(records, pool, k)]));
}

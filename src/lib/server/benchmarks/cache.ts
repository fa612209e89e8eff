import type { Catalog } from '../../domain/catalog.ts';
import { listContributions } from '../store/contributions.ts';
import type { BenchmarkStore, Group } from '../store/types.ts';
import { aggregateGroup, type Aggregate, type PoolAggregates } from './aggregate.ts';

const groupKey = (g: Group) => `${g.questionnaire}|${g.campaign}`;

/**
 * The published aggregates, held in memory so that a read costs no query. Each group
 * (questionnaire × campaign) is recomputed from the store when its revision changes: at once
 * after a write through this instance (`markDirty`), and on a timer for writes by others (a
 * command-line import, other instances sharing PostgreSQL). A failed refresh keeps the previous
 * figures and is retried on the next tick.
 */
export class AggregateCache {
	#groups = new Map<string, Map<string, PoolAggregates>>();
	#revisions = new Map<string, number>();
	#campaigns = new Map<string, number[]>();
	/** Writes made through this instance, and how many of them the figures include. */
	#writes = 0;
	#included = 0;
	#again = false;
	#failing = false;
	#running: Promise<void> | null = null;
	/** Bumped whenever a figure may have changed; responses built before are stale. */
	generation = 0;

	constructor(
		private readonly store: BenchmarkStore,
		private readonly catalog: Catalog,
		private readonly k: number
	) {}

	/** The aggregate of a cohort, if published. */
	lookup(poolId: string, g: Group, cohortKey: string): Aggregate | undefined {
		return this.#groups.get(groupKey(g))?.get(poolId)?.get(cohortKey);
	}

	/** Campaigns with contributions to a questionnaire, latest first. */
	campaigns(questionnaire: string): readonly number[] {
		return this.#campaigns.get(questionnaire) ?? [];
	}

	/** A write went through this instance: refresh now, and make reads wait for it. */
	markDirty(): void {
		this.#writes++;
		void this.refresh();
	}

	/** Whether a write made through this instance is not in the figures yet. */
	get pending(): boolean {
		return this.#included < this.#writes;
	}

	/** Resolves once the figures include every write made through this instance so far. */
	async settled(): Promise<void> {
		if (this.pending) await (this.#running ?? this.refresh());
	}

	/** Recomputes the groups whose revision changed; concurrent calls share one run. */
	refresh(): Promise<void> {
		this.#again = true;
		this.#running ??= this.#loop().finally(() => (this.#running = null));
		return this.#running;
	}

	/** Forgets every figure and recomputes them all (timed by the bench). */
	recomputeAll(): Promise<void> {
		this.#revisions.clear();
		return this.refresh();
	}

	async #loop(): Promise<void> {
		while (this.#again) {
			this.#again = false;
			const upTo = this.#writes;
			try {
				await this.#refreshOnce();
				if (this.#failing) console.error('numeriscope: benchmark store reachable again');
				this.#failing = false;
			} catch (e) {
				// Logged once per outage, not on every tick.
				if (!this.#failing)
					console.error(`numeriscope: benchmark refresh failed: ${(e as Error).message}`);
				this.#failing = true;
			}
			// Even after a failure, so that reads fall back on the previous figures, not wait.
			this.#included = upTo;
		}
	}

	// TODO(editions): figures come from published editions. Until then the live contributions
	// are aggregated once, at start (writes no longer recompute anything).
	async #refreshOnce(): Promise<void> {
		if (this.#revisions.size > 0) return;
		const groups = await this.store.db
			.selectFrom('contributions')
			.select(['questionnaire', 'campaign'])
			.distinct()
			.execute();
		for (const r of groups) {
			const versions = this.catalog.versions(r.questionnaire);
			const records = versions.length ? await listContributions(this.store.db, r) : [];
			this.#groups.set(groupKey(r), aggregateGroup(records, versions, this.k));
			this.#revisions.set(groupKey(r), 1);
			const years = this.#campaigns.get(r.questionnaire) ?? [];
			if (!years.includes(r.campaign))
				this.#campaigns.set(
					r.questionnaire,
					[...years, r.campaign].sort((a, b) => b - a)
				);
		}
		this.#revisions.set('', 1);
		this.generation++;
	}
}

import type { Kysely } from 'kysely';
import type { EditionCell } from '../../domain/edition.ts';
import type { EditionRef } from '../../domain/participation.ts';
import { latestEditions, loadEdition } from '../store/editions.ts';
import type { StoreSchema } from '../store/schema.ts';

/** The latest edition of one campaign, as readers see it. */
export interface LoadedEdition {
	ref: EditionRef;
	/** The threshold the edition was published with. */
	k: number;
	/** By `pool|cohort`. */
	cells: Map<string, EditionCell>;
}

export const cellKey = (pool: string, cohort: string) => `${pool}|${cohort}`;

/**
 * The latest published edition of every campaign, held in memory so that a read costs no
 * query. Writes never touch it: figures change only when an edition is published, by this
 * process or another (the `observatory publish` command, another instance on PostgreSQL). So it
 * polls the one small query `SELECT campaign, max(number) FROM editions GROUP BY campaign` and
 * loads an edition when a newer one appears. A failed poll keeps the figures it has, is logged
 * once per outage, and is retried on the next tick.
 */
export class EditionCache {
	#editions = new Map<number, LoadedEdition>();
	/** Campaigns with an edition, latest first. */
	#campaigns: number[] = [];
	#failing = false;
	#running: Promise<void> | null = null;
	/** Bumped whenever a new edition is loaded; responses built before it are stale. */
	generation = 0;

	constructor(
		private readonly db: Kysely<StoreSchema>,
		private readonly defaultK: number
	) {}

	/** The latest edition of a campaign, if any. */
	edition(campaign: number): LoadedEdition | undefined {
		return this.#editions.get(campaign);
	}

	/** Campaigns with a published edition, latest first. */
	campaigns(): readonly number[] {
		return this.#campaigns;
	}

	/** Loads any edition newer than the ones held; concurrent calls share one run. */
	refresh(): Promise<void> {
		this.#running ??= this.#poll().finally(() => (this.#running = null));
		return this.#running;
	}

	async #poll(): Promise<void> {
		try {
			let changed = false;
			for (const { campaign, number } of await latestEditions(this.db)) {
				if (this.#editions.get(campaign)?.ref.number === number) continue;
				const e = await loadEdition(this.db, campaign, number);
				if (!e) continue;
				const k = (e.methodology as { k?: unknown }).k;
				this.#editions.set(campaign, {
					ref: { campaign, number, publishedAt: e.publishedOn, synthetic: e.synthetic },
					k: typeof k === 'number' ? k : this.defaultK,
					cells: new Map(e.cells.map((c) => [cellKey(c.pool, c.cohort), c]))
				});
				changed = true;
			}
			if (changed) {
				this.#campaigns = [...this.#editions.keys()].sort((a, b) => b - a);
				this.generation++;
			}
			if (this.#failing) console.error('numeriscope: benchmark store reachable again');
			this.#failing = false;
		} catch (e) {
			if (!this.#failing)
				console.error(`numeriscope: loading editions failed: ${(e as Error).message}`);
			this.#failing = true;
		}
	}
}

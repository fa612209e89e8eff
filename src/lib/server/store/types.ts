import type { Kysely, Transaction } from 'kysely';
import type { TerritoryType } from '../../domain/profile.ts';
import type { Dialect, StoreSchema } from './schema.ts';

/** Where a contribution came from (the `source` column). */
export type ContributionSource = 'invited' | 'open' | 'import' | 'demo';

/**
 * One contribution as imports, the demo set and the figures see it: the cohort, the campaign,
 * the rounded scores and whether it belongs to the generated demo set. No name, code, address,
 * date or free text.
 */
export interface ContributionRecord {
	questionnaire: string;
	version: number;
	campaign: number;
	type: TerritoryType;
	band: string;
	region: string;
	scores: { overall: number; themes: Record<string, number> };
	synthetic: boolean;
}

/**
 * The benchmark store: a Kysely connection to SQLite (the embedded default) or PostgreSQL
 * (several app instances sharing one database), migrated to the latest schema. The queries live
 * next to their tables' users (`campaigns.ts`, `participation.ts`, `contributions.ts`, and the
 * editions' own module) and run on `db`; both databases pass the same suite (tests/store/).
 */
export interface BenchmarkStore {
	readonly kind: Dialect;
	readonly db: Kysely<StoreSchema>;
	/**
	 * Runs a write in a transaction and resolves once it is committed (durably). On SQLite,
	 * writes issued together share one commit (group commit); use it on the request path.
	 */
	write<T>(op: (tx: Transaction<StoreSchema>) => Promise<T>): Promise<T>;
	/**
	 * Runs a write made of ONE statement (atomic by itself) and resolves once it is committed
	 * (durably). On SQLite it joins the group commit as `write` does, and runs without BEGIN and
	 * COMMIT when alone in its batch; on PostgreSQL it runs alone, without BEGIN and COMMIT: one
	 * round trip instead of three.
	 */
	writeStatement<T>(op: (db: Kysely<StoreSchema>) => Promise<T>): Promise<T>;
	/** Contribution rows (live or withdrawn), optionally only the demo or only the real ones. */
	count(filter?: { synthetic?: boolean }): Promise<number>;
	close(): Promise<void>;
}

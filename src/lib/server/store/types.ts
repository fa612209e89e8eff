import type { TerritoryType } from '../../domain/profile.ts';

/**
 * One stored contribution: the cohort, the campaign, the rounded scores and whether it belongs
 * to the generated demo set. No name, code, address, date or free text.
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

/** The unit the benchmark is recomputed by: one questionnaire (all versions) in one campaign. */
export interface Group {
	questionnaire: string;
	campaign: number;
}

/** A group with a counter bumped by every write that touches it, in the same transaction. */
export interface Revision extends Group {
	revision: number;
}

/**
 * The benchmark store: contributions and their revision counters. Implemented on SQLite (the
 * embedded default) and PostgreSQL (several app instances sharing one database); both pass the
 * same suite (tests/store/). Every write is one transaction, committed before the call returns.
 */
export interface BenchmarkStore {
	readonly kind: 'sqlite' | 'postgres';
	/** Stores a contribution; `tokenHash` (the hash of its withdrawal token) must be unique. */
	add(record: ContributionRecord, tokenHash: string | null): Promise<void>;
	/** Replaces the contribution of a token; false when no contribution has it. */
	replace(tokenHash: string, record: ContributionRecord): Promise<boolean>;
	/** Deletes the contribution of a token; false when no contribution has it. */
	withdraw(tokenHash: string): Promise<boolean>;
	/**
	 * Stores every record or none (imports, demo seed). `removeSynthetic` deletes the demo set
	 * first, in the same transaction.
	 */
	addMany(
		records: readonly ContributionRecord[],
		options?: { removeSynthetic?: boolean }
	): Promise<void>;
	count(filter?: { synthetic?: boolean }): Promise<number>;
	/** The records of a group (or all), in storage order. */
	list(group?: Group): Promise<ContributionRecord[]>;
	revisions(): Promise<Revision[]>;
	close(): Promise<void>;
}

import type { Catalog } from '../../domain/catalog.ts';
import { insertContributions } from '../store/contributions.ts';
import type { BenchmarkStore } from '../store/types.ts';
import { territories } from '../territories/data.ts';
import { demoContributions } from './demo.ts';

/**
 * Replaces the demo set with a fresh one for the current campaign, in one transaction; real
 * contributions are left alone (and, where they exist, the demo set is not used: see
 * `aggregatePool`). Returns the number of synthetic contributions stored.
 */
export async function seedDemo(
	store: BenchmarkStore,
	catalog: Catalog,
	now: Date
): Promise<number> {
	const records = demoContributions(territories(), catalog, now.getUTCFullYear());
	// TODO(editions): the demo becomes published editions of two demo campaigns.
	await insertContributions(store.db, records, { removeSynthetic: true });
	return records.length;
}

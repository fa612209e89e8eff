/**
 * `npm run benchmarks:seed`: replaces the demo campaigns of the benchmark store (SQLite by
 * default, PostgreSQL with DATABASE_URL) — the two years before this one, synthetic and closed,
 * each with a fresh deterministic synthetic set and one published edition — and opens this
 * year's campaign if there is none. Real campaigns are left untouched.
 */
import { openCli } from '../src/lib/server/benchmarks/cli.ts';
import { seedDemo } from '../src/lib/server/benchmarks/seed.ts';

const { store, catalog, config, where } = await openCli('benchmarks:seed');
try {
	const r = await seedDemo(store.db, catalog, new Date(), config.BENCHMARK_K);
	for (const c of r.campaigns)
		console.log(
			`${where}: demo campaign ${c.year}: ${c.contributions} synthetic contributions, edition 1 published with ${c.cells} cells (flagged synthetic).`
		);
	for (const y of r.skipped)
		console.error(`campaign ${y} is a real campaign: left as it is, no demo seeded for ${y}.`);
	if (r.opened) console.log(`campaign ${r.opened} opened (collecting the latest versions).`);
} finally {
	await store.close();
}

/**
 * `npm run benchmarks:seed`: replaces the demo set of the benchmark store (SQLite by default,
 * PostgreSQL with DATABASE_URL) with a fresh deterministic synthetic set for this year's
 * campaign. Real contributions are left untouched; where they exist the demo set is not shown.
 */
import { openCli } from '../src/lib/server/benchmarks/cli.ts';
import { seedDemo } from '../src/lib/server/benchmarks/seed.ts';

const { store, catalog, where } = await openCli('benchmarks:seed');
const n = await seedDemo(store, catalog, new Date());
const real = await store.count({ synthetic: false });
console.log(`${where}: ${n} synthetic contributions seeded (flagged synthetic).`);
if (real > 0)
	console.log(`${real} real contributions are kept; where they exist, the demo set is not used.`);
await store.close();

import { sql, type Kysely } from 'kysely';
import type { StoreSchema } from '../../src/lib/server/store/schema.ts';

/** Polls `check` every 50 ms until it returns true; throws with `what` after `ms`. */
export async function until(what: string, check: () => Promise<boolean>, ms = 10_000) {
	const deadline = Date.now() + ms;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

/** Every row of the store's tables (but the migrator's), sorted: equal dumps, nothing changed. */
export async function dumpStore(db: Kysely<StoreSchema>): Promise<Record<string, string[]>> {
	const out: Record<string, string[]> = {};
	for (const t of [
		'campaigns',
		'signing_keys',
		'invitations',
		'issuances',
		'contributions',
		'editions',
		'edition_cells',
		'edition_members'
	] as const) {
		const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(t)}`.execute(db);
		out[t] = rows.rows.map((r) => JSON.stringify(r)).sort();
	}
	return out;
}

/** A GET of the benchmark API: status, ETag and the exact bytes. */
export async function getBenchmark(url: string, query: Record<string, string>) {
	const res = await fetch(`${url}/api/benchmarks?${new URLSearchParams(query)}`);
	return { status: res.status, etag: res.headers.get('etag'), body: await res.text() };
}

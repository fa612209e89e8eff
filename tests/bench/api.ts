/**
 * `npm run bench:api`: the benchmark API under load, on SQLite and on PostgreSQL.
 *
 * For each store: imports 34,875 contributions (one per commune of the official list), times
 * the recomputation of every aggregate (budget: 2 s), then starts the built server and measures
 * with autocannon, on loopback at 50 connections, `GET /api/benchmarks` for one cohort and a
 * static JSON file of the same bytes served by the same process (adapter-node's static handler)
 * as the reference. Prints requests/s, p99 latency and the ratio (targets: ≥ 0.5 of the static
 * reference, p99 < 20 ms). Each measure runs twice, interleaved, and the better run counts, as
 * other work on the machine can slow one of them down. Not part of `npm test`: timings depend on
 * the machine. Bounded: 4 × 8 s of load per store.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ensureBuild } from '../../scripts/lib/build.ts';
import { createCatalog } from '../../src/lib/domain/catalog.ts';
import { populationBand } from '../../src/lib/domain/cohort.ts';
import { AggregateCache } from '../../src/lib/server/benchmarks/cache.ts';
import { BenchmarkService } from '../../src/lib/server/benchmarks/service.ts';
import { loadCatalog } from '../../src/lib/server/catalog/load.ts';
import { openPostgresStore } from '../../src/lib/server/store/postgres.ts';
import { openSqliteStore } from '../../src/lib/server/store/sqlite.ts';
import { insertContributions } from '../../src/lib/server/store/contributions.ts';
import type { BenchmarkStore, ContributionRecord } from '../../src/lib/server/store/types.ts';
import { territories } from '../../src/lib/server/territories/data.ts';
import { startPostgres } from '../support/postgres.ts';
import { startBuiltServer } from '../support/server.ts';

interface LoadResult {
	requests: { average: number };
	latency: { p99: number; average: number };
	non2xx: number;
	errors: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (o: {
	url: string;
	connections: number;
	duration: number;
}) => Promise<LoadResult>;

const CONNECTIONS = 50;
const SECONDS = 8;
const QUERY = {
	questionnaire: 'donnees',
	version: 1,
	type: 'commune' as const,
	band: '3500-9999',
	region: '44'
};
const REFERENCE = 'build/client/bench-reference.json';

const catalog = createCatalog(loadCatalog('questionnaires').questionnaires);
const questionnaire = catalog.get(QUERY.questionnaire, QUERY.version)!;

/** One contribution per commune, scores growing with size plus deterministic noise. */
function communeContributions(): ContributionRecord[] {
	let seed = 35_000;
	const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
	const score = (base: number) =>
		Math.max(0, Math.min(100, Math.round(base + (rand() - 0.5) * 50)));
	const year = new Date().getUTCFullYear();
	return territories()
		.filter((t) => t.type === 'commune' && t.population !== null && t.region !== null)
		.map((t) => {
			const base = 20 + 10 * Math.log10(Math.max(t.population!, 100) / 100);
			const themes = Object.fromEntries(questionnaire.themes.map((th) => [th.id, score(base)]));
			return {
				questionnaire: QUERY.questionnaire,
				version: QUERY.version,
				campaign: year,
				type: 'commune',
				band: populationBand(t.population!),
				region: t.region!,
				scores: { overall: score(base), themes },
				synthetic: false
			};
		});
}

async function time<T>(f: () => Promise<T>): Promise<[T, number]> {
	const start = performance.now();
	const value = await f();
	return [value, performance.now() - start];
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

async function measure(url: string): Promise<LoadResult> {
	const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
	if (r.non2xx > 0 || r.errors > 0)
		throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
	return r;
}

async function benchStore(name: string, store: BenchmarkStore, env: Record<string, string>) {
	const records = communeContributions();
	const [, importMs] = await time(() => insertContributions(store.db, records));
	const cache = new AggregateCache(store, catalog, 5);
	const [, recomputeMs] = await time(() => cache.recomputeAll());
	const service = new BenchmarkService({ store, catalog, k: 5 });
	await service.start(60_000);
	const { body } = await service.benchmark(QUERY);
	service.stop();
	await store.close();
	console.log(`\n${name}: ${fmt(records.length)} contributions (one per commune)`);
	console.log(
		`  import: ${fmt(importMs)} ms; recompute every aggregate: ${fmt(recomputeMs)} ms (budget 2,000 ms) ${recomputeMs < 2000 ? '✓' : '✗'}`
	);

	// Written before the server starts: the static handler lists its files at start.
	writeFileSync(REFERENCE, body);
	const server = await startBuiltServer({ ...env, DEMO_DATA: 'off' });
	try {
		const search = new URLSearchParams({ ...QUERY, version: String(QUERY.version) });
		const api = `${server.url}/api/benchmarks?${search}`;
		const reference = `${server.url}/bench-reference.json`;
		const served = await (await fetch(api)).text();
		if (served !== body) throw new Error('the API does not serve the reference bytes');
		await autocannon({ url: api, connections: CONNECTIONS, duration: 2 }); // warm-up
		await autocannon({ url: reference, connections: CONNECTIONS, duration: 2 });
		const runs: { ref: LoadResult; api: LoadResult }[] = [];
		for (let i = 0; i < 2; i++)
			runs.push({ ref: await measure(reference), api: await measure(api) });
		const best = (k: 'ref' | 'api') =>
			runs.map((r) => r[k]).reduce((a, b) => (b.requests.average > a.requests.average ? b : a));
		const ref = best('ref');
		const got = best('api');
		const ratio = got.requests.average / ref.requests.average;
		const line = (label: string, r: LoadResult) =>
			`  ${label.padEnd(34)} ${fmt(r.requests.average).padStart(7)} req/s   p99 ${fmt(r.latency.p99, 1).padStart(4)} ms`;
		console.log(
			`  ${body.length} bytes, ${CONNECTIONS} connections, ${SECONDS} s per run, best of 2:`
		);
		console.log(line('static JSON file (reference)', ref));
		console.log(line('GET /api/benchmarks', got));
		for (const [i, r] of runs.entries())
			console.log(
				`    run ${i + 1}: reference ${fmt(r.ref.requests.average)} req/s, API ${fmt(r.api.requests.average)} req/s (p99 ${r.api.latency.p99} ms)`
			);
		console.log(
			`  ratio ${ratio.toFixed(2)} (target ≥ 0.5) ${ratio >= 0.5 ? '✓' : '✗'}; p99 ${got.latency.p99} ms (target < 20 ms) ${got.latency.p99 < 20 ? '✓' : '✗'}`
		);
	} finally {
		await server.stop();
		rmSync(REFERENCE, { force: true });
	}
}

if (!ensureBuild()) process.exit(1);
const dir = mkdtempSync(join(tmpdir(), 'numeriscope-bench-'));
try {
	const sqlite = join(dir, 'bench.sqlite');
	await benchStore('SQLite', await openSqliteStore(sqlite), { SQLITE_PATH: sqlite });
	const pg = await startPostgres();
	if (!pg) console.log('\nPostgreSQL: not installed, skipped (apt-get install postgresql)');
	else
		try {
			const url = await pg.database('bench');
			await benchStore('PostgreSQL', await openPostgresStore(url), { DATABASE_URL: url });
		} finally {
			pg.stop();
		}
} finally {
	rmSync(dir, { recursive: true, force: true });
}

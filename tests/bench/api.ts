/**
 * `npm run bench:api`: the benchmark API with 35,000 contributions in a published edition, on
 * SQLite and on PostgreSQL. For each store it prints, with their targets:
 *
 * 1. the time to publish the edition of 35,000 contributions (target < 2 s);
 * 2. `GET /api/benchmarks` throughput against a static JSON file of the same bytes served by the
 *    same process (adapter-node's static handler), best of 2 interleaved runs at 50 connections
 *    (target ≥ 0.8);
 * 3. issuance plus contribution: participants per second, each doing `POST /api/tokens` then
 *    `POST /api/contributions`, 20 at a time (target ≥ 200 per second on SQLite);
 * 4. the line `reads during writes / reads alone: X`: GET throughput while 20 connections
 *    contribute, 5 contributions per second each, over GET throughput alone just before
 *    (target ≥ 0.8); three rounds, the median of their ratios.
 *    The writers' process paces them with one clock ticking every 20 ms (see writers.ts), and
 *    prints its own CPU per contribution: it stands for browsers on other machines, yet shares
 *    this machine's two cores with the server and the load generator.
 *    100 contributions a second is a campaign's peak many times over (every French commune,
 *    EPCI, département and région sending its five questionnaires within an hour is ~50 a
 *    second). The same ratio with the 20 connections writing as fast as the server answers is
 *    printed after it, for information: there, reads and writes share the server's CPU.
 *
 * Everything the clients would compute is prepared before the timed parts: invitations are
 * stored through the store functions; a blinded message is, to the signer, any 256-byte
 * number below the modulus (that is the point of blinding), so issuance requests carry random
 * ones; and the tokens of the writes are RSASSA-PSS signatures made with the cell's key, which
 * is what a finalised blind signature is (RFC 9474) — the server verifies them as any token.
 * The writers run in their own process (tests/bench/lib/writers.ts) so that their client work
 * does not slow the load generator. Not part of `npm test`: timings depend on the machine.
 */
import { spawn } from 'node:child_process';
import { constants, createHash, randomBytes, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ensureBuild } from '../../scripts/lib/build.ts';
import { createCatalog } from '../../src/lib/domain/catalog.ts';
import { populationBand } from '../../src/lib/domain/cohort.ts';
import { BenchmarkService } from '../../src/lib/server/benchmarks/service.ts';
import { loadCatalog } from '../../src/lib/server/catalog/load.ts';
import { publishEdition } from '../../src/lib/server/editions/publish.ts';
import { inviteTerritories } from '../../src/lib/server/participation/invitations.ts';
import { KeyRing } from '../../src/lib/server/participation/keyring.ts';
import { insertCampaign, listCampaigns } from '../../src/lib/server/store/campaigns.ts';
import { insertContributions, type NewContribution } from '../../src/lib/server/store/editions.ts';
import { openPostgresStore } from '../../src/lib/server/store/postgres.ts';
import { openSqliteStore } from '../../src/lib/server/store/sqlite.ts';
import type { BenchmarkStore } from '../../src/lib/server/store/types.ts';
import { territories } from '../../src/lib/server/territories/data.ts';
import { contribution } from '../support/api.ts';
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
const WRITERS = 20;
const MIXED_SECONDS = 6;
/** Contributions per second and connection in the paced runs (20 × 5 = 100 a second). */
const PACED_RATE = 5;
const CONTRIBUTIONS = 35_000;
const PARTICIPANTS = 1500;
const WRITE_TOKENS = 10_000;
const YEAR = new Date().getUTCFullYear();
const [PUBLISHED, OPEN] = [YEAR - 1, YEAR];
const QUERY = {
	questionnaire: 'donnees',
	version: 1,
	type: 'commune' as const,
	band: '3500-9999',
	region: '44'
};
/** The cohort every invited participant of the bench belongs to: small communes of Nouvelle-Aquitaine. */
const COHORT = { type: 'commune' as const, band: '0-999', region: '75' };
const REFERENCE = 'build/client/bench-reference.json';

const catalog = createCatalog(loadCatalog('questionnaires').questionnaires);
const questionnaire = catalog.get(QUERY.questionnaire, QUERY.version)!;

/** 35,000 contributions: every commune, then EPCI, with scores growing with size plus noise. */
function contributions(): NewContribution[] {
	let seed = 35_000;
	const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
	const score = (base: number) =>
		Math.max(0, Math.min(100, Math.round(base + (rand() - 0.5) * 50)));
	return territories()
		.filter((t) => t.population !== null && t.region !== null && t.type !== 'autre')
		.sort((a, b) => Number(b.type === 'commune') - Number(a.type === 'commune'))
		.slice(0, CONTRIBUTIONS)
		.map((t) => {
			const base = 20 + 10 * Math.log10(Math.max(t.population!, 100) / 100);
			const themes = Object.fromEntries(questionnaire.themes.map((th) => [th.id, score(base)]));
			return {
				campaign: PUBLISHED,
				questionnaire: QUERY.questionnaire,
				version: QUERY.version,
				type: t.type,
				band: populationBand(t.population!),
				region: t.region!,
				scores: { overall: score(base), themes },
				synthetic: false,
				source: 'import'
			};
		});
}

async function time<T>(f: () => Promise<T>): Promise<[T, number]> {
	const start = performance.now();
	const value = await f();
	return [value, performance.now() - start];
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });
const mark = (ok: boolean) => (ok ? '✓' : '✗');

/** CPU time a process has used so far, in ms (Linux: /proc/<pid>/stat, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function measure(url: string, duration = SECONDS): Promise<LoadResult> {
	const r = await autocannon({ url, connections: CONNECTIONS, duration });
	if (r.non2xx > 0 || r.errors > 0)
		throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
	return r;
}

/** Runs the writers' process over prepared bodies; resolves with what it reports. */
function write(
	dir: string,
	url: string,
	bodies: unknown[],
	seconds: number,
	rate: number | undefined,
	startAt: number
): Promise<{ sent: number; failed: number; ms: number; cpuMs: number }> {
	const file = join(dir, `writes-${randomBytes(4).toString('hex')}.json`);
	writeFileSync(
		file,
		JSON.stringify({ url, connections: WRITERS, bodies, seconds, rate, startAt })
	);
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/lib/writers.ts', file], {
			stdio: ['ignore', 'pipe', 'inherit']
		});
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.on('exit', (code) =>
			code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`writers exited ${code}`))
		);
	});
}

/** Tokens of the open campaign's cell, signed with its key (see the header), with scores. */
async function writeBodies(store: BenchmarkStore, count: number) {
	const keys = new KeyRing(store.db);
	const { key } = await keys.forCell({ campaign: OPEN, questionnaire: 'donnees', ...COHORT });
	return Array.from({ length: count }, (_, i) => {
		const secret = randomBytes(32);
		const message = Buffer.concat([randomBytes(32), createHash('sha256').update(secret).digest()]);
		const signature = sign('sha384', message, {
			key: key.private,
			padding: constants.RSA_PKCS1_PSS_PADDING,
			saltLength: 48
		});
		return {
			token: {
				key: key.id,
				message: message.toString('base64url'),
				signature: signature.toString('base64url')
			},
			contribution: contribution({ campaign: OPEN, cohort: COHORT }, i % 101)
		};
	});
}

/** Invitations of the open campaign, with a random 256-byte blinded message each. */
async function issuanceBodies(store: BenchmarkStore, count: number) {
	const campaign = (await listCampaigns(store.db)).find((c) => c.year === OPEN);
	const invited = territories()
		.filter(
			(t) =>
				t.type === 'commune' &&
				t.region === COHORT.region &&
				t.population !== null &&
				populationBand(t.population) === COHORT.band
		)
		.slice(0, count);
	if (invited.length < count) throw new Error(`only ${invited.length} territories to invite`);
	const invitations = await inviteTerritories(
		store.db,
		new KeyRing(store.db),
		campaign,
		OPEN,
		invited
	);
	return invitations.map((inv) => {
		const blinded = randomBytes(256);
		blinded[0] = 0; // below any 2048-bit modulus
		return {
			invitation: inv.code,
			questionnaire: 'donnees',
			blindedMessage: blinded.toString('base64url')
		};
	});
}

async function benchStore(
	name: string,
	store: BenchmarkStore,
	env: Record<string, string>,
	dir: string
) {
	const rows = contributions();
	await insertCampaign(store.db, {
		year: PUBLISHED,
		collects: [{ questionnaire: QUERY.questionnaire, version: QUERY.version }],
		closes: null,
		status: 'closed',
		synthetic: false
	});
	await insertCampaign(store.db, {
		year: OPEN,
		collects: [{ questionnaire: QUERY.questionnaire, version: QUERY.version }],
		closes: null,
		status: 'open',
		synthetic: false
	});
	const [, importMs] = await time(() =>
		store.db.transaction().execute((tx) => insertContributions(tx, rows))
	);
	const [published, publishMs] = await time(() =>
		publishEdition(store.db, catalog, { campaign: PUBLISHED, k: 5 })
	);
	const service = new BenchmarkService({ db: store.db, catalog, k: 5 });
	await service.start(60_000);
	const { body } = await service.benchmark(QUERY);
	service.stop();
	const issuance = await issuanceBodies(store, PARTICIPANTS);
	const participantWrites = await writeBodies(store, PARTICIPANTS);
	const writes = await writeBodies(store, WRITE_TOKENS);
	await store.close();

	console.log(`\n${name}: ${fmt(rows.length)} contributions (import ${fmt(importMs)} ms)`);
	console.log(
		`  publish an edition of ${fmt(rows.length)} contributions: ${fmt(publishMs)} ms, ${published.counts.published} cells (target < 2,000 ms) ${mark(publishMs < 2000)}`
	);

	// Written before the server starts: the static handler lists its files at start.
	writeFileSync(REFERENCE, body);
	const server = await startBuiltServer({ ...env, DEMO_DATA: 'off', RATE_LIMIT_WRITES: '1000000' });
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
		console.log(`  GET / static file: ${ratio.toFixed(2)} (target ≥ 0.8) ${mark(ratio >= 0.8)}`);

		// Issuance plus contribution, as participants do it (one issuance, then one contribution).
		const [participants, participantsMs] = await time(async () => {
			let next = 0;
			let failed = 0;
			await Promise.all(
				Array.from({ length: WRITERS }, async () => {
					while (next < issuance.length) {
						const i = next++;
						const a = await fetch(`${server.url}/api/tokens`, {
							method: 'POST',
							headers: { 'content-type': 'application/json' },
							body: JSON.stringify(issuance[i])
						});
						await a.arrayBuffer();
						const b = await fetch(`${server.url}/api/contributions`, {
							method: 'POST',
							headers: { 'content-type': 'application/json' },
							body: JSON.stringify(participantWrites[i])
						});
						await b.arrayBuffer();
						if (a.status !== 200 || b.status !== 201) failed++;
					}
				})
			);
			return { failed };
		});
		if (participants.failed > 0) throw new Error(`${participants.failed} participants refused`);
		const perSecond = (issuance.length * 1000) / participantsMs;
		console.log(
			`  issuance + contribution: ${fmt(perSecond)} participants/s (${fmt(2 * perSecond)} requests/s; ${issuance.length} participants, ${WRITERS} at a time) (target ≥ 200 per second${name === 'SQLite' ? '' : ', set for SQLite'}) ${mark(perSecond >= 200)}`
		);

		// Rounds of reads alone, then the same reads while 20 connections contribute, each round's
		// ratio taken between its two runs, back to back; the median of the rounds' ratios counts.
		// The machine's throughput drifts by ±20 % from one run to the next (other tenants of the
		// host): comparing the best run alone with the best run during writes, from different
		// rounds, measured that drift as much as the writes.
		let used = 0;
		const mixed = async (rate: number | undefined, count: number) => {
			const rounds: {
				alone: LoadResult;
				during: LoadResult;
				written: { sent: number; ms: number; cpuMs: number };
			}[] = [];
			for (let i = 0; i < count; i++) {
				const alone = await measure(api, MIXED_SECONDS);
				const batch = writes.slice(used, used + (rate ? WRITERS * rate * MIXED_SECONDS : 4000));
				// The writers' process loads first (tsx takes a second of CPU), then both start.
				const startAt = Date.now() + 2500;
				const writing = write(dir, server.url, batch, MIXED_SECONDS, rate, startAt);
				await new Promise((r) => setTimeout(r, startAt - Date.now()));
				const [during, written] = await Promise.all([measure(api, MIXED_SECONDS), writing]);
				used += written.sent;
				if (written.failed > 0) throw new Error(`${written.failed} contributions refused`);
				if (!rate && written.sent === batch.length)
					console.log('  (every prepared token used: the writes stopped early)');
				rounds.push({ alone, during, written });
			}
			const how = rate ? `${rate}/s each` : 'as fast as answered';
			console.log(`  GET alone, then while ${WRITERS} connections contribute (${how}):`);
			const ratios = rounds.map((r) => r.during.requests.average / r.alone.requests.average);
			for (const [i, r] of rounds.entries())
				console.log(
					`    round ${i + 1}: alone ${fmt(r.alone.requests.average)} req/s, during ${fmt(r.during.requests.average)} req/s (p99 ${r.during.latency.p99} ms): ${ratios[i]!.toFixed(2)}; ${fmt(r.written.sent)} contributions in ${fmt(r.written.ms / 1000, 1)} s (${fmt((r.written.sent * 1000) / r.written.ms)}/s; the writers' own CPU ${(r.written.cpuMs / r.written.sent).toFixed(2)} ms each)`
				);
			return [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)]!;
		};
		const paced = await mixed(PACED_RATE, 3);
		console.log(`reads during writes / reads alone: ${paced.toFixed(2)} (median of 3 rounds)`);
		console.log(
			`  (target ≥ 0.8; ${WRITERS} connections × ${PACED_RATE} contributions/s) ${mark(paced >= 0.8)}`
		);
		// What one contribution costs the server: its CPU time over a burst of writes alone.
		const burst = writes.slice(used, used + 1500);
		const cpuBefore = cpuMs(server.process.pid!);
		const alone = await write(dir, server.url, burst, 30, undefined, Date.now() + 2500);
		used += alone.sent;
		const perWrite = (cpuMs(server.process.pid!) - cpuBefore) / alone.sent;
		console.log(
			`  server CPU per contribution: ${perWrite.toFixed(2)} ms (${fmt(alone.sent)} contributions alone, ${fmt((alone.sent * 1000) / alone.ms)}/s)`
		);
		const saturated = await mixed(undefined, 2);
		console.log(
			`  for information, with the writers unpaced (the server's CPU shared): ${saturated.toFixed(2)}`
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
	await benchStore('SQLite', await openSqliteStore(sqlite), { SQLITE_PATH: sqlite }, dir);
	const pg = await startPostgres();
	if (!pg) console.log('\nPostgreSQL: not installed, skipped (apt-get install postgresql)');
	else
		try {
			const url = await pg.database('bench');
			await benchStore('PostgreSQL', await openPostgresStore(url), { DATABASE_URL: url }, dir);
		} finally {
			pg.stop();
		}
} finally {
	rmSync(dir, { recursive: true, force: true });
}

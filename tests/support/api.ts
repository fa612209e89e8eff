import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Contribution } from '../../src/lib/domain/contribution.ts';
import { loadCatalog } from '../../src/lib/server/catalog/load.ts';
import { startBuiltServer, type RunningServer } from './server.ts';

/** The real questionnaires, as the built server knows them. */
export const questionnaires = loadCatalog('questionnaires').questionnaires;

export const thisYear = new Date().getUTCFullYear();

/** A valid contribution to the real `donnees` v1, in commune × 3500-9999 × Grand Est by default. */
export function contribution(
	over: Partial<Contribution> = {},
	score = 50,
	questionnaire = 'donnees'
): Contribution {
	const q = questionnaires.find((x) => x.id === questionnaire && x.version === 1)!;
	return {
		questionnaire,
		version: 1,
		campaign: thisYear,
		cohort: { type: 'commune', band: '3500-9999', region: '44' },
		scores: {
			overall: score,
			themes: Object.fromEntries(q.themes.map((t) => [t.id, score]))
		},
		...over
	};
}

export interface ApiServer extends RunningServer {
	/** The SQLite file of the server's store. */
	db: string;
	/** The server's stdout and stderr so far. */
	logs(): string;
	post(body: unknown, headers?: Record<string, string>): Promise<Response>;
	close(): Promise<void>;
}

/**
 * The built server on a fresh SQLite store in a temporary folder, without demo data and with a
 * write limit high enough for tests that send many requests (override with `env`).
 */
export async function startApi(
	env: Record<string, string> = {},
	prepare?: (db: string) => void
): Promise<ApiServer> {
	const dir = mkdtempSync(join(tmpdir(), 'numeriscope-api-'));
	const db = join(dir, 'store.sqlite');
	// The operator's tools first (they create the store): run after the start, they would
	// outlast the server's keep-alive and the next request could meet a closing connection.
	prepare?.(db);
	const server = await startBuiltServer({
		SQLITE_PATH: db,
		DEMO_DATA: 'off',
		RATE_LIMIT_WRITES: '100000',
		...env
	});
	let logs = '';
	server.process.stdout?.on('data', (d) => (logs += d));
	server.process.stderr?.on('data', (d) => (logs += d));
	return {
		...server,
		db,
		logs: () => logs,
		post: (body, headers = {}) =>
			fetch(server.url + '/api/contributions', {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...headers },
				body: JSON.stringify(body)
			}),
		async close() {
			await server.stop();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/**
 * Everything stored, as a count of contributions and a digest of every row of every table
 * (migrations' bookkeeping included): equal snapshots mean nothing changed.
 */
export function storeSnapshot(path: string): { count: number; digest: string } {
	const db = new Database(path, { readonly: true });
	try {
		const tables = (
			db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
				name: string;
			}[]
		).map((t) => t.name);
		const hash = createHash('sha256');
		for (const t of tables) {
			const rows = db.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[];
			const lines = rows.map((r) => JSON.stringify(r)).sort();
			hash.update(JSON.stringify([t, lines]));
		}
		const { n } = db.prepare('SELECT count(*) AS n FROM contributions').get() as { n: number };
		return { count: n, digest: hash.digest('hex') };
	} finally {
		db.close();
	}
}

/** Every row of every table, by table: what someone holding the store file sees. */
export function dumpStore(path: string): Record<string, Record<string, unknown>[]> {
	const db = new Database(path, { readonly: true });
	try {
		const tables = db
			.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
			.all() as { name: string }[];
		return Object.fromEntries(
			tables.map((t) => [
				t.name,
				db.prepare(`SELECT * FROM "${t.name}"`).all() as Record<string, unknown>[]
			])
		);
	} finally {
		db.close();
	}
}

/** The stored token hashes, to check that an acknowledged contribution is there. */
export function storedTokenHashes(path: string): Set<string> {
	const db = new Database(path, { readonly: true });
	try {
		const rows = db.prepare('SELECT token_hash FROM contributions').all() as {
			token_hash: string | null;
		}[];
		return new Set(rows.map((r) => r.token_hash).filter((h) => h !== null));
	} finally {
		db.close();
	}
}

/** What the store keys a contribution by, from its secret S (base64url): SHA-256(SHA-256(S)). */
export const tokenHashOf = (secret: string) =>
	createHash('sha256')
		.update(createHash('sha256').update(Buffer.from(secret, 'base64url')).digest())
		.digest('hex');

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The benchmark of a cohort, parsed. */
export async function benchmark(url: string, query: Record<string, string>) {
	const res = await fetch(`${url}/api/benchmarks?${new URLSearchParams(query)}`);
	return { res, body: (await res.json()) as Record<string, unknown> };
}

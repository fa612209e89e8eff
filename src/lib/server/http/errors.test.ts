import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiError, isStoreUnavailable } from './errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'numeriscope-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The error a call throws (or its promise rejects with). */
async function caught(f: () => unknown): Promise<unknown> {
	try {
		await f();
	} catch (e) {
		return e;
	}
	throw new Error('no error was thrown');
}

/** A TCP server that accepts connections and never answers, as a hung database would. */
async function silentServer(): Promise<{ port: number; close(): void }> {
	const sockets: Socket[] = [];
	const srv: Server = createServer((s) => sockets.push(s));
	await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
	const port = (srv.address() as { port: number }).port;
	return { port, close: () => (sockets.forEach((s) => s.destroy()), srv.close()) };
}

/** A loopback port where nothing listens. */
async function closedPort(): Promise<number> {
	const srv = createServer();
	await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
	const port = (srv.address() as { port: number }).port;
	await new Promise((r) => srv.close(r));
	return port;
}

describe('isStoreUnavailable, on real SQLite errors', () => {
	const file = join(dir, 'store.sqlite');
	const setup = new Database(file);
	setup.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT UNIQUE)');
	setup.close();

	it('a file locked by another connection past busy_timeout (SQLITE_BUSY)', async () => {
		const holder = new Database(file);
		const writer = new Database(file);
		try {
			writer.pragma('busy_timeout = 0');
			holder.exec('BEGIN EXCLUSIVE');
			const e = await caught(() => writer.prepare("INSERT INTO t (v) VALUES ('a')").run());
			expect(e).toMatchObject({ name: 'SqliteError', code: 'SQLITE_BUSY' });
			expect(isStoreUnavailable(e)).toBe(true);
		} finally {
			holder.close();
			writer.close();
		}
	});

	it('a file opened read-only (SQLITE_READONLY)', async () => {
		const db = new Database(file, { readonly: true });
		try {
			const e = await caught(() => db.prepare("INSERT INTO t (v) VALUES ('b')").run());
			expect(e).toMatchObject({ code: 'SQLITE_READONLY' });
			expect(isStoreUnavailable(e)).toBe(true);
		} finally {
			db.close();
		}
	});

	it('but not a constraint broken by the data (SQLITE_CONSTRAINT_UNIQUE)', async () => {
		const db = new Database(file);
		try {
			db.prepare("INSERT INTO t (v) VALUES ('same')").run();
			const e = await caught(() => db.prepare("INSERT INTO t (v) VALUES ('same')").run());
			expect(e).toMatchObject({ name: 'SqliteError', code: 'SQLITE_CONSTRAINT_UNIQUE' });
			expect(isStoreUnavailable(e)).toBe(false);
		} finally {
			db.close();
		}
	});

	it('nor a mistake in a query (no such table)', async () => {
		const db = new Database(file);
		try {
			const e = await caught(() => db.prepare('SELECT * FROM nothing').all());
			expect(e).toMatchObject({ name: 'SqliteError', code: 'SQLITE_ERROR' });
			expect(isStoreUnavailable(e)).toBe(false);
		} finally {
			db.close();
		}
	});
});

describe('isStoreUnavailable, on real PostgreSQL client errors', () => {
	it('a server that refuses connections (ECONNREFUSED)', async () => {
		const client = new pg.Client({ host: '127.0.0.1', port: await closedPort() });
		const e = await caught(() => client.connect());
		expect(e).toMatchObject({ code: 'ECONNREFUSED' });
		expect(isStoreUnavailable(e)).toBe(true);
	});

	it('a pool whose server refuses connections', async () => {
		const pool = new pg.Pool({ host: '127.0.0.1', port: await closedPort() });
		try {
			const e = await caught(() => pool.query('SELECT 1'));
			expect(isStoreUnavailable(e)).toBe(true);
		} finally {
			await pool.end();
		}
	});

	it('a server that never answers (connection timeout)', async () => {
		const silent = await silentServer();
		const pool = new pg.Pool({
			host: '127.0.0.1',
			port: silent.port,
			connectionTimeoutMillis: 200
		});
		try {
			const e = await caught(() => pool.query('SELECT 1'));
			expect((e as Error).message).toMatch(/timeout/);
			expect(isStoreUnavailable(e)).toBe(true);
		} finally {
			silent.close();
			await pool.end();
		}
	});

	it('a full pool waiting past its timeout ("timeout exceeded when trying to connect")', async () => {
		const silent = await silentServer();
		const pool = new pg.Pool({
			host: '127.0.0.1',
			port: silent.port,
			max: 1,
			connectionTimeoutMillis: 300
		});
		try {
			const first = pool.connect().catch((e: unknown) => e); // takes the only slot, hangs
			const e = await caught(() => pool.connect());
			expect((e as Error).message).toMatch(/timeout exceeded when trying to connect/);
			expect(isStoreUnavailable(e)).toBe(true);
			await first;
		} finally {
			silent.close();
			await pool.end().catch(() => {});
		}
	});
});

describe('isStoreUnavailable, on other errors', () => {
	it.each([
		['a plain error', new Error('boom')],
		['an API refusal', new ApiError(400, 'invalid_json', 'x')],
		['a type error', new TypeError("Cannot read properties of undefined (reading 'x')")],
		['a value that is no error', 'ECONNREFUSED'],
		['null', null],
		['a PostgreSQL unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })]
	])('%s is not an outage', (_, e) => {
		expect(isStoreUnavailable(e)).toBe(false);
	});
	it('looks into the cause and the errors of an aggregate', () => {
		const refused = Object.assign(new Error('connect ECONNREFUSED ::1:5432'), {
			code: 'ECONNREFUSED'
		});
		expect(isStoreUnavailable(new Error('insert failed', { cause: refused }))).toBe(true);
		expect(isStoreUnavailable(new AggregateError([refused, refused]))).toBe(true);
	});
});

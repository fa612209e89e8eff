/**
 * The SQLite dialect whose connections live in worker threads, on real files: errors keep their
 * SQLite code, transactions roll back, a thread that dies fails its queries instead of leaving
 * them hanging, and a write waiting for another process's lock stops neither the event loop nor
 * the reads.
 */
import Database from 'better-sqlite3';
import { Kysely, type Generated } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStoreUnavailable } from '../http/errors.ts';
import { SqliteThreadDialect, WORKER_EXITED, type SqliteThreadConfig } from './sqlite-thread.ts';

interface Schema {
	t: { id: Generated<number>; name: string };
}

let dir: string;
const open: Kysely<Schema>[] = [];

async function connect(config: Partial<SqliteThreadConfig> = {}): Promise<Kysely<Schema>> {
	const db = new Kysely<Schema>({
		dialect: new SqliteThreadDialect({
			path: join(dir, 'db.sqlite'),
			pragmas: ['journal_mode = WAL', 'synchronous = FULL', 'busy_timeout = 5000'],
			readPragmas: ['busy_timeout = 5000', 'query_only = ON'],
			...config
		})
	});
	open.push(db);
	await db.schema
		.createTable('t')
		.ifNotExists()
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull().unique())
		.execute();
	return db;
}

const names = async (db: Kysely<Schema>) =>
	(await db.selectFrom('t').select('name').orderBy('id').execute()).map((r) => r.name);

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'sqlite-thread-'));
});
afterEach(async () => {
	await Promise.all(open.splice(0).map((db) => db.destroy().catch(() => {})));
	rmSync(dir, { recursive: true, force: true });
});

describe('SqliteThreadDialect', () => {
	it('answers rows, changes and insert ids, as Kysely’s SqliteDriver does', async () => {
		const db = await connect();
		const inserted = await db.insertInto('t').values({ name: 'a' }).executeTakeFirstOrThrow();
		expect(inserted.insertId).toBe(1n);
		await db.insertInto('t').values({ name: 'b' }).execute();
		const updated = await db.updateTable('t').set({ name: 'c' }).where('id', '=', 2).execute();
		expect(updated[0]!.numUpdatedRows).toBe(1n);
		expect(await names(db)).toEqual(['a', 'c']);
		const returned = await db.insertInto('t').values({ name: 'd' }).returning('id').execute();
		expect(returned).toEqual([{ id: 3 }]);
	});

	it('keeps the name and code of an SQLite error (a unique constraint is not an outage)', async () => {
		const db = await connect();
		await db.insertInto('t').values({ name: 'a' }).execute();
		const e = await db
			.insertInto('t')
			.values({ name: 'a' })
			.execute()
			.catch((x: unknown) => x);
		expect(e).toBeInstanceOf(Error);
		expect(e).toMatchObject({ name: 'SqliteError', code: 'SQLITE_CONSTRAINT_UNIQUE' });
		expect((e as Error).message).toMatch(/UNIQUE constraint failed: t\.name/);
		expect(isStoreUnavailable(e)).toBe(false);
		// onConflict still compiles and runs
		await db
			.insertInto('t')
			.values({ name: 'a' })
			.onConflict((oc) => oc.column('name').doNothing())
			.execute();
		expect(await names(db)).toEqual(['a']);
	});

	it('rolls a transaction back when it throws, and to a savepoint', async () => {
		const db = await connect();
		await expect(
			db.transaction().execute(async (tx) => {
				await tx.insertInto('t').values({ name: 'a' }).execute();
				expect(await tx.selectFrom('t').select('name').execute()).toEqual([{ name: 'a' }]);
				throw new Error('give up');
			})
		).rejects.toThrow('give up');
		expect(await names(db)).toEqual([]);

		const tx = await db.startTransaction().execute();
		await tx.insertInto('t').values({ name: 'kept' }).execute();
		const sp = await tx.savepoint('before').execute();
		await sp.insertInto('t').values({ name: 'dropped' }).execute();
		await sp.rollbackToSavepoint('before').execute();
		await tx.commit().execute();
		expect(await names(db)).toEqual(['kept']);
	});

	it('fails the pending and later queries of a thread that died, instead of hanging', async () => {
		const threads = new Map<string, Worker>();
		const db = await connect({ onThread: (role, worker) => threads.set(role, worker) });
		await db.insertInto('t').values({ name: 'a' }).execute();
		const holder = new Database(join(dir, 'db.sqlite'));
		let e: unknown;
		try {
			// The write waits for the lock in its thread; the thread ends meanwhile.
			holder.exec('BEGIN IMMEDIATE');
			const tx = db.transaction().execute(async (t) => {
				await t.insertInto('t').values({ name: 'b' }).execute();
				await t.insertInto('t').values({ name: 'c' }).execute();
			});
			await new Promise((r) => setTimeout(r, 50));
			void threads.get('write')!.terminate();
			holder.exec('ROLLBACK');
			e = await tx.catch((x: unknown) => x);
		} finally {
			if (holder.inTransaction) holder.exec('ROLLBACK');
			holder.close();
		}
		expect(e).toMatchObject({ name: 'SqliteError', code: WORKER_EXITED });
		expect((e as Error).message).toMatch(/thread of the SQLite write connection has ended/);
		expect(isStoreUnavailable(e)).toBe(true);
		// A later write fails at once; reads go on with the read connection; nothing was stored.
		await expect(db.insertInto('t').values({ name: 'd' }).execute()).rejects.toMatchObject({
			code: WORKER_EXITED
		});
		expect(await names(db)).toEqual(['a']);
		// The read connection's thread ends the same way.
		await threads.get('read')!.terminate();
		await expect(names(db)).rejects.toThrow(/thread of the SQLite read connection has ended/);
	});

	it('keeps the event loop and the reads going while a write waits for another process’s lock', async () => {
		const db = await connect();
		await db.insertInto('t').values({ name: 'a' }).execute();
		const holder = new Database(join(dir, 'db.sqlite'));
		const done: string[] = [];
		try {
			holder.exec('BEGIN IMMEDIATE');
			const write = db
				.insertInto('t')
				.values({ name: 'b' })
				.execute()
				.then(() => done.push('write'));
			for (let i = 0; i < 20; i++) {
				// setImmediate runs: the event loop is not held by the waiting write.
				await new Promise((r) => setImmediate(r));
				expect(await names(db)).toEqual(['a']);
				done.push('read');
			}
			expect(done).not.toContain('write');
			holder.exec('COMMIT');
			await write;
		} finally {
			if (holder.inTransaction) holder.exec('ROLLBACK');
			holder.close();
		}
		expect(done).toEqual([...Array(20).fill('read'), 'write']);
		expect(await names(db)).toEqual(['a', 'b']);
	});

	it('works on :memory: with one connection', async () => {
		const db = await connect({ path: ':memory:' });
		await db.insertInto('t').values({ name: 'a' }).execute();
		expect(await names(db)).toEqual(['a']);
	});
});

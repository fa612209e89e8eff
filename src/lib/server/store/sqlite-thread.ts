import {
	CompiledQuery,
	IdentifierNode,
	RawNode,
	SelectQueryNode,
	SqliteAdapter,
	SqliteIntrospector,
	SqliteQueryCompiler,
	createQueryId,
	type DatabaseConnection,
	type DatabaseIntrospector,
	type Dialect,
	type DialectAdapter,
	type Driver,
	type Kysely,
	type QueryCompiler,
	type QueryResult
} from 'kysely';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * The code of the error every query gets once a connection's thread has ended unexpectedly (not
 * an SQLite result code: the thread that held the connection is gone). An outage: see
 * `isStoreUnavailable`.
 */
export const WORKER_EXITED = 'SQLITE_WORKER_EXITED';

/** Prepared statements kept per connection; the store's queries are far fewer. */
const STATEMENT_CACHE = 256;

/**
 * The worker's code, plain CommonJS JavaScript run with `eval: true`, so that it survives the
 * server bundle (a worker file next to this module would not be in `build/`). It opens one
 * connection with better-sqlite3 (resolved by the main thread at run time) and answers each
 * message in order: `open`, `query` (`{ rows }` or `{ changes, lastInsertRowid }`; with `begin`,
 * a transaction is begun first, in the same message), `close`. An error goes back as
 * `{ message, code, name, notBegun }`, `notBegun` when the transaction of a `begin` could not start.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const cache = new Map();
let db = null;
function statement(sql) {
	let stmt = cache.get(sql);
	if (stmt) cache.delete(sql);
	else stmt = db.prepare(sql);
	cache.set(sql, stmt);
	if (cache.size > workerData.cache) cache.delete(cache.keys().next().value);
	return stmt;
}
function answer(m) {
	switch (m.op) {
		case 'open':
			db = new Database(workerData.path);
			for (const p of workerData.pragmas) db.pragma(p);
			return {};
		case 'query': {
			if (m.begin) {
				try {
					statement('begin').run();
				} catch (e) {
					if (e && typeof e === 'object') e.notBegun = true;
					throw e;
				}
			}
			const stmt = statement(m.sql);
			if (stmt.reader) return { rows: stmt.all(m.parameters) };
			const { changes, lastInsertRowid } = stmt.run(m.parameters);
			return { changes, lastInsertRowid };
		}
		case 'close':
			cache.clear();
			if (db) db.close();
			db = null;
			return {};
	}
	throw new Error('unknown operation ' + m.op);
}
parentPort.on('message', (m) => {
	let reply;
	try {
		reply = { id: m.id, ok: answer(m) };
	} catch (e) {
		const error = e instanceof Error ? e : new Error(String(e));
		reply = {
			id: m.id,
			error: { message: error.message, name: error.name, code: error.code, notBegun: error.notBegun }
		};
	}
	parentPort.postMessage(reply);
});
`;

type Request =
	| { op: 'open' }
	| { op: 'query'; sql: string; parameters: readonly unknown[]; begin?: boolean }
	| { op: 'close' };

interface Reply {
	rows?: Record<string, unknown>[];
	changes?: number | bigint;
	lastInsertRowid?: number | bigint;
}

interface WorkerError {
	message: string;
	name: string;
	code?: unknown;
	notBegun?: boolean;
}

/** An error of the worker, rebuilt on this side with its name (`SqliteError`…) and code. */
function rebuild({ message, name, code, notBegun }: WorkerError): Error {
	const error = new Error(message) as Error & { code?: unknown; notBegun?: boolean };
	error.name = name;
	if (code !== undefined) error.code = code;
	if (notBegun) error.notBegun = true;
	return error;
}

/**
 * One SQLite connection in its own worker thread. Requests are answered in order. The thread
 * keeps the process alive only while a request is pending, like an open socket would; if it
 * ends unexpectedly, every request pending or to come fails with `WORKER_EXITED`.
 */
class SqliteThread {
	readonly #worker: Worker;
	readonly #pending = new Map<
		number,
		{ resolve: (r: Reply) => void; reject: (e: unknown) => void }
	>();
	#next = 1;
	#ended: Error | null = null;
	#closing = false;

	constructor(
		path: string,
		pragmas: string[],
		readonly role: 'write' | 'read',
		onThread?: SqliteThreadConfig['onThread']
	) {
		this.#worker = new Worker(WORKER_SOURCE, {
			eval: true,
			workerData: {
				driver: createRequire(import.meta.url).resolve('better-sqlite3'),
				path,
				pragmas,
				cache: STATEMENT_CACHE
			}
		});
		this.#worker.unref();
		onThread?.(role, this.#worker);
		this.#worker.on('message', (m: { id: number; ok?: Reply; error?: WorkerError }) => {
			const p = this.#pending.get(m.id);
			if (!p) return;
			this.#pending.delete(m.id);
			if (this.#pending.size === 0) this.#worker.unref();
			if (m.error) p.reject(rebuild(m.error));
			else p.resolve(m.ok!);
		});
		let cause: unknown;
		this.#worker.on('error', (e) => (cause = e));
		this.#worker.on('exit', (code) => {
			const e = Object.assign(
				new Error(
					this.#closing
						? `the SQLite ${role} connection is closed`
						: `the thread of the SQLite ${role} connection has ended (exit code ${code}${cause instanceof Error ? `: ${cause.message}` : ''})`,
					{ cause }
				),
				{ name: 'SqliteError', code: WORKER_EXITED }
			);
			this.#ended = e;
			for (const p of this.#pending.values()) p.reject(e);
			this.#pending.clear();
		});
	}

	request(request: Request): Promise<Reply> {
		if (this.#ended) return Promise.reject(this.#ended);
		const id = this.#next++;
		return new Promise<Reply>((resolve, reject) => {
			this.#pending.set(id, { resolve, reject });
			if (this.#pending.size === 1) this.#worker.ref();
			this.#worker.postMessage({ id, ...request });
		});
	}

	async query(q: CompiledQuery, begin = false): Promise<QueryResult<unknown>> {
		const r = await this.request({ op: 'query', sql: q.sql, parameters: q.parameters, begin });
		if (r.rows) return { rows: r.rows };
		return {
			numAffectedRows: r.changes !== undefined ? BigInt(r.changes) : undefined,
			insertId: r.lastInsertRowid !== undefined ? BigInt(r.lastInsertRowid) : undefined,
			rows: []
		};
	}

	/** Closes the connection (the last one to close checkpoints the WAL and removes it), then
	 * ends the thread. */
	async close(): Promise<void> {
		if (this.#ended) return;
		try {
			await this.request({ op: 'close' });
		} finally {
			this.#closing = true;
			await this.#worker.terminate();
		}
	}
}

/** The one write connection is lent to one user at a time, as Kysely's own `SqliteDriver` does. */
class Mutex {
	#promise: Promise<void> | undefined;
	#resolve: (() => void) | undefined;

	async lock(): Promise<void> {
		while (this.#promise) await this.#promise;
		this.#promise = new Promise((resolve) => (this.#resolve = resolve));
	}

	unlock(): void {
		const resolve = this.#resolve;
		this.#promise = undefined;
		this.#resolve = undefined;
		resolve?.();
	}
}

/** What Kysely holds as a connection: a lease that takes the write connection only when it must
 * (a transaction, or a statement that is not a `SELECT`). */
class Lease implements DatabaseConnection {
	/** Whether this lease holds the write connection (from `begin` to its release). */
	holds = false;
	/** A transaction is to begin with the next statement (one message to the thread, not two). */
	begin = false;
	/** A transaction has begun on the write connection and not ended yet. */
	active = false;

	constructor(readonly driver: SqliteThreadDriver) {}

	executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
		return this.driver.execute(this, query) as Promise<QueryResult<R>>;
	}

	// eslint-disable-next-line require-yield -- the interface wants an async iterator
	async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
		throw new Error('the SQLite thread driver does not stream queries');
	}
}

export interface SqliteThreadConfig {
	/** The database file, or ':memory:' (then one connection does everything). */
	path: string;
	/** Pragmas of the write connection, run in order when it opens. */
	pragmas: string[];
	/** Pragmas of the read connection. */
	readPragmas: string[];
	/** Called with each thread as it starts (the tests end one to see what its queries get). */
	onThread?: (role: 'write' | 'read', worker: Worker) => void;
}

/**
 * Two connections, each in its worker thread, so that no SQLite work (a commit's fsync, a wait
 * for the lock another process holds) runs on the event loop: a write connection, lent to one
 * user at a time as Kysely's `SqliteDriver` lends its only one, for transactions and every
 * statement that is not a `SELECT`; and a read connection for the `SELECT`s outside a
 * transaction, which WAL lets read the last commit while a write waits or runs.
 */
export class SqliteThreadDriver implements Driver {
	readonly #config: SqliteThreadConfig;
	readonly #mutex = new Mutex();
	#writer: SqliteThread | undefined;
	#reader: SqliteThread | undefined;

	constructor(config: SqliteThreadConfig) {
		this.#config = config;
	}

	async init(): Promise<void> {
		const { path, pragmas, readPragmas, onThread } = this.#config;
		const writer = new SqliteThread(path, pragmas, 'write', onThread);
		try {
			await writer.request({ op: 'open' });
			if (path !== ':memory:') {
				const reader = new SqliteThread(path, readPragmas, 'read', onThread);
				this.#reader = reader;
				await reader.request({ op: 'open' });
			}
		} catch (e) {
			await Promise.all([this.#reader?.close(), writer.close()]).catch(() => {});
			this.#reader = undefined;
			throw e;
		}
		this.#writer = writer;
	}

	async acquireConnection(): Promise<DatabaseConnection> {
		return new Lease(this);
	}

	async execute(lease: Lease, query: CompiledQuery): Promise<QueryResult<unknown>> {
		const writer = this.#writer!;
		if (lease.holds) {
			const begin = lease.begin;
			lease.begin = false;
			try {
				const r = await writer.query(query, begin);
				if (begin) lease.active = true;
				return r;
			} catch (e) {
				if (begin && !(e as { notBegun?: boolean }).notBegun) lease.active = true;
				throw e;
			}
		}
		if (this.#reader && SelectQueryNode.is(query.query)) return this.#reader.query(query);
		await this.#mutex.lock();
		try {
			return await writer.query(query);
		} finally {
			this.#mutex.unlock();
		}
	}

	async beginTransaction(connection: DatabaseConnection): Promise<void> {
		const lease = connection as Lease;
		await this.#mutex.lock();
		lease.holds = true; // released by releaseConnection, even if `begin` fails
		// Sent with the transaction's first statement: a round trip to the thread saved.
		lease.begin = true;
		lease.active = false;
	}

	async commitTransaction(connection: DatabaseConnection): Promise<void> {
		const lease = connection as Lease;
		if (lease.begin) return void (lease.begin = false); // no statement: nothing began
		await lease.executeQuery(CompiledQuery.raw('commit'));
		lease.active = false;
	}

	async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
		const lease = connection as Lease;
		lease.begin = false;
		if (!lease.active) return; // its `begin` failed, or nothing began
		lease.active = false;
		await lease.executeQuery(CompiledQuery.raw('rollback'));
	}

	async savepoint(c: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
		await c.executeQuery(compile(savepointCommand('savepoint', name), createQueryId()));
	}

	async rollbackToSavepoint(
		c: DatabaseConnection,
		name: string,
		compile: QueryCompiler['compileQuery']
	) {
		await c.executeQuery(compile(savepointCommand('rollback to', name), createQueryId()));
	}

	async releaseSavepoint(
		c: DatabaseConnection,
		name: string,
		compile: QueryCompiler['compileQuery']
	) {
		await c.executeQuery(compile(savepointCommand('release', name), createQueryId()));
	}

	async releaseConnection(connection: DatabaseConnection): Promise<void> {
		const lease = connection as Lease;
		if (!lease.holds) return;
		lease.holds = false;
		this.#mutex.unlock();
	}

	/** Waits for the transaction under way, then closes the read connection and the write one
	 * last, so that it checkpoints the WAL and removes it. */
	async destroy(): Promise<void> {
		await this.#mutex.lock();
		try {
			await this.#reader?.close();
		} finally {
			await this.#writer?.close();
			this.#mutex.unlock(); // whoever still waits gets the error of a closed connection
		}
	}
}

/** As Kysely's own (not exported) `parseSavepointCommand`: the name goes through the compiler's
 * identifier quoting. */
function savepointCommand(command: string, name: string) {
	return RawNode.createWithChildren([
		RawNode.createWithSql(`${command} `),
		IdentifierNode.create(name)
	]);
}

/** Kysely's SQLite dialect, with `SqliteThreadDriver` in place of its synchronous driver. */
export class SqliteThreadDialect implements Dialect {
	readonly #config: SqliteThreadConfig;

	constructor(config: SqliteThreadConfig) {
		this.#config = config;
	}

	createDriver(): Driver {
		return new SqliteThreadDriver(this.#config);
	}

	createQueryCompiler(): QueryCompiler {
		return new SqliteQueryCompiler();
	}

	createAdapter(): DialectAdapter {
		return new SqliteAdapter();
	}

	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as Kysely's own dialects
	createIntrospector(db: Kysely<any>): DatabaseIntrospector {
		return new SqliteIntrospector(db);
	}
}

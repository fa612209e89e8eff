import { Migrator, type Kysely, type Transaction } from 'kysely';
import { isStoreUnavailable } from '../http/errors.ts';
import { migrations, type Dialect, type StoreSchema } from './schema.ts';
import type { BenchmarkStore } from './types.ts';

interface Pending {
	op: (tx: Transaction<StoreSchema>) => Promise<unknown>;
	/** One statement (`writeStatement`): alone in its batch, it runs without BEGIN and COMMIT. */
	statement: boolean;
	resolve: (value: unknown) => void;
	reject: (error: unknown) => void;
}

/** Applies the numbered migrations that have not run yet. */
export async function migrate(db: Kysely<StoreSchema>, dialect: Dialect): Promise<void> {
	const migrator = new Migrator({
		db,
		provider: { getMigrations: async () => migrations(dialect) }
	});
	const { error } = await migrator.migrateToLatest();
	if (error) throw error instanceof Error ? error : new Error(String(error));
}

/**
 * The store's connection, the same for both databases; `sqlite.ts` and `postgres.ts` open it,
 * set what is specific to each and migrate.
 */
export class KyselyStore implements BenchmarkStore {
	#queue: Pending[] = [];
	#flushing: Promise<void> | null = null;

	constructor(
		readonly db: Kysely<StoreSchema>,
		readonly kind: Dialect
	) {}

	write<T>(op: (tx: Transaction<StoreSchema>) => Promise<T>): Promise<T> {
		if (this.kind !== 'sqlite') return this.db.transaction().execute(op);
		return this.#enqueue(op, false);
	}

	writeStatement<T>(op: (db: Kysely<StoreSchema>) => Promise<T>): Promise<T> {
		return this.kind === 'sqlite' ? this.#enqueue(op, true) : op(this.db);
	}

	#enqueue<T>(op: (tx: Transaction<StoreSchema>) => Promise<T>, statement: boolean): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			this.#queue.push({ op, statement, resolve: resolve as (v: unknown) => void, reject });
			if (!this.#flushing)
				this.#flushing = new Promise<void>((r) => setImmediate(r)).then(() => this.#flush());
		});
	}

	/**
	 * Group commit on SQLite: the writes queued meanwhile share one transaction, hence one
	 * fsync (`synchronous = FULL` costs a few milliseconds each, in the connection's thread). Each caller is answered only once the commit is on disk. If the shared
	 * transaction fails, each write is retried alone, so one bad write fails only itself; but if
	 * it failed because the store cannot be used (locked past busy_timeout by another process,
	 * its thread gone), every write of the batch gets that error at once, rather than each
	 * waiting one more busy_timeout in turn.
	 */
	async #flush(): Promise<void> {
		while (this.#queue.length > 0) {
			const batch = this.#queue.splice(0);
			const [only] = batch;
			if (batch.length === 1 && only!.statement) {
				// A statement alone commits by itself (durably: synchronous = FULL), in one round
				// trip to the connection's thread instead of three.
				await only!.op(this.db as Transaction<StoreSchema>).then(only!.resolve, only!.reject);
				continue;
			}
			try {
				const results = await this.db.transaction().execute(async (tx) => {
					const out: unknown[] = [];
					for (const w of batch) out.push(await w.op(tx));
					return out;
				});
				batch.forEach((w, i) => w.resolve(results[i]));
			} catch (e) {
				if (isStoreUnavailable(e)) {
					for (const w of batch) w.reject(e);
					continue;
				}
				for (const w of batch) await this.db.transaction().execute(w.op).then(w.resolve, w.reject);
			}
		}
		this.#flushing = null;
	}

	async count(filter: { synthetic?: boolean } = {}): Promise<number> {
		let q = this.db.selectFrom('contributions').select((eb) => eb.fn.countAll().as('n'));
		if (filter.synthetic !== undefined) q = q.where('synthetic', '=', filter.synthetic ? 1 : 0);
		const { n } = await q.executeTakeFirstOrThrow();
		return Number(n);
	}

	async close(): Promise<void> {
		await this.db.destroy();
	}
}

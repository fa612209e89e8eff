import { createCatalog, type Catalog } from '../../domain/catalog.ts';
import { formatProblem, loadCatalog } from '../catalog/load.ts';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { openStore } from '../store/index.ts';
import type { BenchmarkStore } from '../store/types.ts';

/** What the `benchmarks:*` commands work with: the same settings, catalog and store as the server. */
export interface CliContext {
	config: Config;
	catalog: Catalog;
	store: BenchmarkStore;
	/** `SQLite data/numeriscope.sqlite` or `PostgreSQL db.internal:5432/numeriscope`. */
	where: string;
}

/** Opens the context, or prints why it cannot and exits (2: settings, 1: anything else). */
export async function openCli(name: string): Promise<CliContext> {
	const fail = (code: number, message: string): never => {
		console.error(`${name}: ${message}`);
		process.exit(code);
	};
	let config: Config;
	try {
		config = loadConfig();
	} catch (e) {
		if (e instanceof ConfigError) return fail(2, e.message);
		throw e;
	}
	const loaded = loadCatalog('questionnaires');
	if (loaded.problems.length > 0)
		fail(
			1,
			`invalid questionnaires:\n${loaded.problems.map((p) => '  ' + formatProblem(p)).join('\n')}`
		);
	const where = config.DATABASE_URL
		? `PostgreSQL ${new URL(config.DATABASE_URL).host}${new URL(config.DATABASE_URL).pathname}`
		: `SQLite ${config.SQLITE_PATH}`;
	let store: BenchmarkStore;
	try {
		store = await openStore(config);
	} catch (e) {
		return fail(1, `cannot open the benchmark store (${where}): ${(e as Error).message}`);
	}
	return { config, catalog: createCatalog(loaded.questionnaires), store, where };
}

import type { Catalog } from '../../domain/catalog.ts';
import type { Config } from '../config.ts';
import { RateLimiter } from '../http/rate-limit.ts';
import { contributeOnNode } from '../participation/contribute-node.ts';
import { registerContributeFastPath } from '../participation/fast-path.ts';
import { ParticipationService } from '../participation/service.ts';
import { listCampaigns } from '../store/campaigns.ts';
import { openStore } from '../store/index.ts';
import type { BenchmarkStore } from '../store/types.ts';
import { registerFastPath } from './fast-path.ts';
import { seedDemo } from './seed.ts';
import { BenchmarkService } from './service.ts';

export interface BenchmarkRuntime {
	store: BenchmarkStore;
	service: BenchmarkService;
	/** Invitations, tokens and contributions. */
	participation: ParticipationService;
	/** Per-client limit on contribute, replace and withdraw. */
	writes: RateLimiter;
}

let runtime: BenchmarkRuntime | undefined;

/**
 * Opens (creating and migrating) the store, seeds the demo campaigns into an empty embedded
 * store, loads the latest editions and keeps looking for new ones. Called once by the `init`
 * hook.
 */
export async function startBenchmarks(catalog: Catalog, config: Config): Promise<BenchmarkRuntime> {
	const store = await openStore(config);
	if (
		store.kind === 'sqlite' &&
		config.DEMO_DATA === 'on' &&
		(await store.count()) === 0 &&
		(await listCampaigns(store.db)).length === 0
	) {
		const seeded = await seedDemo(store.db, catalog, new Date(), config.BENCHMARK_K);
		const demo = seeded.campaigns
			.map((c) => `${c.year} (${c.contributions} contributions)`)
			.join(', ');
		console.log(
			`numeriscope: empty benchmark store: demo campaigns ${demo} seeded and published (flagged synthetic; DEMO_DATA=off starts empty)${seeded.opened ? `; campaign ${seeded.opened} opened` : ''}`
		);
	}
	const service = new BenchmarkService({ db: store.db, catalog, k: config.BENCHMARK_K });
	await service.start(config.BENCHMARK_REFRESH_MS);
	registerFastPath(service);
	const participation = new ParticipationService({
		store,
		catalog,
		openParticipation: config.OPEN_PARTICIPATION === 'on'
	});
	if (participation.openParticipation)
		console.log(
			'numeriscope: OPEN_PARTICIPATION=on: contributions without an invitation are accepted (flagged open, unverified)'
		);
	runtime = {
		store,
		service,
		participation,
		writes: new RateLimiter(config.RATE_LIMIT_WRITES, config.RATE_LIMIT_WINDOW_SECONDS)
	};
	registerContributeFastPath(contributeOnNode(participation, config));
	process.once('sveltekit:shutdown', () => {
		service.stop();
		void store.close();
	});
	return runtime;
}

/** The running benchmark service, for the routes. */
export function benchmarks(): BenchmarkRuntime {
	if (!runtime) throw new Error('the benchmark service is not started (see hooks.server.ts)');
	return runtime;
}

import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
	BenchmarkQueryError,
	versionPools,
	widen,
	type Benchmark,
	type BenchmarkQuery,
	type VersionPool
} from '../../domain/benchmark.ts';
import type { Catalog } from '../../domain/catalog.ts';
import { cohortKey, type Cohort } from '../../domain/cohort.ts';
import type { StoreSchema } from '../store/schema.ts';
import { cellKey, EditionCache } from './cache.ts';

const MEMO_LIMIT = 20_000;

export interface BenchmarkServiceOptions {
	db: Kysely<StoreSchema>;
	catalog: Catalog;
	/** The threshold said when no edition answers (an edition says its own). */
	k: number;
}

/** A benchmark response, serialised once and reused until the figures change. */
export interface BenchmarkResponse {
	body: string;
	etag: string;
}

/**
 * Reading the peer figures of a cohort from the latest published editions (`EditionCache`).
 * Contributions never go through here: figures change only when an edition is published.
 */
export class BenchmarkService {
	readonly cache: EditionCache;
	readonly k: number;
	readonly #catalog: Catalog;
	readonly #pools = new Map<string, VersionPool>();
	#responses = new Map<string, BenchmarkResponse>();
	#bySearch = new Map<string, BenchmarkResponse>();
	#generation = -1;
	#timer: ReturnType<typeof setInterval> | undefined;

	constructor(o: BenchmarkServiceOptions) {
		this.#catalog = o.catalog;
		this.k = o.k;
		this.cache = new EditionCache(o.db, o.k);
		const ids = new Set(o.catalog.list().map((q) => q.id));
		for (const id of ids)
			for (const pool of versionPools(o.catalog.versions(id)))
				for (const v of pool.versions) this.#pools.set(`${id}@${v}`, pool);
	}

	/** Loads the latest editions, then looks for new ones every `refreshMs`. */
	async start(refreshMs: number): Promise<void> {
		await this.cache.refresh();
		this.#timer = setInterval(() => void this.cache.refresh(), refreshMs);
		this.#timer.unref();
	}

	stop(): void {
		clearInterval(this.#timer);
	}

	/**
	 * The response already built for this exact query string, if the figures have not changed
	 * since: the hot path of `GET /api/benchmarks`, which skips parsing and building.
	 */
	cached(search: string): BenchmarkResponse | undefined {
		if (this.#generation !== this.cache.generation) return undefined;
		return this.#bySearch.get(search);
	}

	/**
	 * The figures of the narrowest published cohort of the query's chain, in the latest edition
	 * of the campaign asked for, or by default of the most recent campaign whose latest edition
	 * has a cell in that chain.
	 */
	async benchmark(query: BenchmarkQuery, search?: string): Promise<BenchmarkResponse> {
		if (this.#generation !== this.cache.generation) {
			this.#responses.clear();
			this.#bySearch.clear();
			this.#generation = this.cache.generation;
		}
		// Any year is a valid campaign and any order of parameters a valid query string: bound
		// the memos rather than trust the key space.
		if (this.#responses.size >= MEMO_LIMIT) this.#responses.clear();
		if (this.#bySearch.size >= MEMO_LIMIT) this.#bySearch.clear();
		const key = [query.questionnaire, query.version, query.type, query.band, query.region]
			.concat(query.campaign ?? '')
			.join('|');
		let response = this.#responses.get(key);
		if (!response) {
			const body = JSON.stringify(this.#build(query));
			const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
			response = { body, etag };
			this.#responses.set(key, response);
		}
		if (search !== undefined) this.#bySearch.set(search, response);
		return response;
	}

	#build(query: BenchmarkQuery): Benchmark {
		const q = this.#catalog.get(query.questionnaire, query.version);
		if (!q) {
			if (this.#catalog.versions(query.questionnaire).length === 0)
				throw new BenchmarkQueryError(
					`unknown questionnaire "${query.questionnaire}"`,
					'unknown_questionnaire'
				);
			throw new BenchmarkQueryError(
				`questionnaire "${query.questionnaire}" has no version ${query.version}`,
				'unknown_version'
			);
		}
		const pool = this.#pools.get(`${q.id}@${q.version}`)!;
		const requested: Cohort = { type: query.type };
		if (query.band !== undefined) requested.band = query.band;
		if (query.region !== undefined) requested.region = query.region;
		const base = {
			questionnaire: q.id,
			version: q.version,
			pooledVersions: pool.versions,
			requested
		};
		const campaigns = query.campaign !== undefined ? [query.campaign] : this.cache.campaigns();
		for (const campaign of campaigns) {
			const edition = this.cache.edition(campaign);
			if (!edition) continue;
			for (const cohort of widen(requested)) {
				const key = cohortKey(cohort);
				const found = edition.cells.get(cellKey(pool.id, key));
				if (!found) continue;
				const { overall, themes } = found.figures;
				const shown = q.themes.map((t) => t.id).filter((id) => themes[id]);
				return {
					...base,
					k: edition.k,
					campaign,
					synthetic: edition.ref.synthetic,
					edition: edition.ref,
					cohort,
					fellBack: key !== cohortKey(requested),
					overall,
					themes: Object.fromEntries(shown.map((id) => [id, themes[id]!]))
				};
			}
		}
		const asked = query.campaign !== undefined ? this.cache.edition(query.campaign) : undefined;
		return {
			...base,
			k: asked?.k ?? this.k,
			campaign: query.campaign ?? null,
			synthetic: asked?.ref.synthetic ?? false,
			edition: asked?.ref ?? null,
			cohort: null,
			fellBack: true,
			overall: null,
			themes: {}
		};
	}
}

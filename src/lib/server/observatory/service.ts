import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
	openDataCsv,
	openDataRows,
	type OpenDataRow,
	type PublishedEdition
} from '../../domain/observatory.ts';
import type { EditionCache } from '../benchmarks/cache.ts';
import type { Methodology } from '../editions/methodology.ts';
import { loadEdition } from '../store/editions.ts';
import type { StoreSchema } from '../store/schema.ts';

/** An edition as the observatory shows it: its cells and its methodology. */
export interface ObservedEdition extends PublishedEdition {
	methodology: Methodology;
}

/** A file of open data, serialised once (an edition never changes). */
export interface OpenDataFile {
	body: string;
	etag: string;
}

export const LICENCE = {
	name: 'Licence Ouverte / Open Licence version 2.0',
	url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/'
} as const;

const etag = (body: string) =>
	`"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** Editions kept in memory besides the latest ones (each is a few hundred KB at most). */
const KEEP = 64;

/**
 * The published editions for the observatory's pages and files. Editions are immutable, so each
 * is read once from the store and kept; the list of editions is read again only when the
 * benchmark cache has seen a new one (its `generation`), so a page costs no query between
 * publications.
 */
export class ObservatoryService {
	readonly #editions = new Map<string, Promise<ObservedEdition | undefined>>();
	readonly #files = new Map<string, { csv: OpenDataFile; json: OpenDataFile }>();
	#list: { generation: number; value: Promise<ObservedEdition[]> } | undefined;
	readonly #views = new Map<string, unknown>();
	#viewsGeneration = -1;

	constructor(
		private readonly db: Kysely<StoreSchema>,
		private readonly cache: EditionCache
	) {}

	/** One edition, or undefined when it was never published. */
	edition(campaign: number, number: number): Promise<ObservedEdition | undefined> {
		const key = `${campaign}/${number}`;
		let found = this.#editions.get(key);
		if (!found) {
			if (this.#editions.size >= KEEP) this.#editions.clear();
			found = loadEdition(this.db, campaign, number).then((e) =>
				e
					? {
							campaign: e.campaign,
							number: e.number,
							publishedOn: e.publishedOn,
							synthetic: e.synthetic,
							cells: e.cells,
							methodology: e.methodology as Methodology
						}
					: undefined
			);
			// A failed read (store outage) is not remembered.
			found.catch(() => this.#editions.delete(key));
			this.#editions.set(key, found);
		}
		return found;
	}

	/** Every published edition of every campaign, oldest first. */
	all(): Promise<ObservedEdition[]> {
		const generation = this.cache.generation;
		if (this.#list?.generation !== generation) {
			const value = this.db
				.selectFrom('editions')
				.select(['campaign', 'number'])
				.orderBy('campaign')
				.orderBy('number')
				.execute()
				.then(async (rows) =>
					(await Promise.all(rows.map((r) => this.edition(r.campaign, r.number)))).filter(
						(e): e is ObservedEdition => e !== undefined
					)
				);
			value.catch(() => (this.#list = undefined));
			this.#list = { generation, value };
		}
		return this.#list.value;
	}

	/**
	 * A view built from the editions (a page's data), remembered until a new edition is
	 * published: the same address in the same language is built once. At most 500 are kept, since
	 * any query string makes a key.
	 */
	async view<T>(key: string, build: (editions: ObservedEdition[]) => T): Promise<T> {
		const editions = await this.all();
		if (this.#viewsGeneration !== this.cache.generation || this.#views.size >= 500) {
			this.#views.clear();
			this.#viewsGeneration = this.cache.generation;
		}
		if (!this.#views.has(key)) this.#views.set(key, build(editions));
		return this.#views.get(key) as T;
	}

	/** The open data files of an edition (CSV and JSON), or undefined when it does not exist. */
	async files(
		campaign: number,
		number: number
	): Promise<{ csv: OpenDataFile; json: OpenDataFile } | undefined> {
		const key = `${campaign}/${number}`;
		const known = this.#files.get(key);
		if (known) return known;
		const e = await this.edition(campaign, number);
		if (!e) return undefined;
		const rows = openDataRows(e);
		const csv = openDataCsv(rows);
		const json = JSON.stringify(openDataJson(e, rows));
		const files = { csv: { body: csv, etag: etag(csv) }, json: { body: json, etag: etag(json) } };
		if (this.#files.size >= KEEP) this.#files.clear();
		this.#files.set(key, files);
		return files;
	}
}

/** The JSON file of an edition: what it is, its licence, then the same rows as the CSV. */
export function openDataJson(e: ObservedEdition, rows: readonly OpenDataRow[]) {
	return {
		campaign: e.campaign,
		edition: e.number,
		published_on: e.publishedOn,
		synthetic: e.synthetic,
		...(e.synthetic
			? {
					notice:
						'démonstration : contributions synthétiques, aucun territoire réel / demonstration: synthetic contributions, no real authority'
				}
			: {}),
		k: e.methodology.k,
		licence: LICENCE,
		rows
	};
}

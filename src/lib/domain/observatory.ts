import type { Statistic } from './benchmark.ts';
import type { Cohort } from './cohort.ts';
import type { EditionCell } from './edition.ts';
import { territoryTypes } from './profile-fields.ts';
import type { TerritoryType } from './profile.ts';

/**
 * The observatory's view of published editions: cells as rows of open data, the distributions a
 * page shows, the trend of medians across editions, and what changed between two editions. Pure:
 * it returns codes and numbers, the pages turn them into words.
 */

/** A published edition with its cells (what the store keeps, less the methodology). */
export interface PublishedEdition {
	campaign: number;
	number: number;
	/** `YYYY-MM-DD`. */
	publishedOn: string;
	synthetic: boolean;
	cells: readonly EditionCell[];
}

/** `commune/3500-9999/44` → `{ type: 'commune', band: '3500-9999', region: '44' }`. */
export function parseCohortKey(key: string): Cohort {
	const [type, band, region] = key.split('/');
	const c: Cohort = { type: type as TerritoryType };
	if (band !== undefined) c.band = band;
	if (region !== undefined) c.region = region;
	return c;
}

/** `donnees@1+2` → `{ questionnaire: 'donnees', versions: [1, 2] }`. */
export function parsePoolId(id: string): { questionnaire: string; versions: number[] } {
	const at = id.lastIndexOf('@');
	return {
		questionnaire: id.slice(0, at),
		versions: id
			.slice(at + 1)
			.split('+')
			.map(Number)
	};
}

/** One row of an edition's open data: one published cell × the overall score or one theme. */
export interface OpenDataRow {
	campaign: number;
	edition: number;
	published_on: string;
	questionnaire: string;
	/** The pooled versions, `1` or `1+2`. */
	versions: string;
	/** `overall` or `theme`. */
	scope: 'overall' | 'theme';
	/** The theme id; empty for the overall score. */
	theme: string;
	type: string;
	/** Empty when the cohort is a whole type. */
	band: string;
	/** INSEE région code; empty when the cohort is not narrowed to a région. */
	region: string;
	n: number;
	p10: number;
	p25: number;
	p50: number;
	p75: number;
	p90: number;
	/** The edition whose contributions the figures describe (earlier when carried over). */
	computed_in: number;
	synthetic: boolean;
}

/** The columns of the open data, in order: a stable header, never reordered. */
export const openDataColumns = [
	'campaign',
	'edition',
	'published_on',
	'questionnaire',
	'versions',
	'scope',
	'theme',
	'type',
	'band',
	'region',
	'n',
	'p10',
	'p25',
	'p50',
	'p75',
	'p90',
	'computed_in',
	'synthetic'
] as const satisfies readonly (keyof OpenDataRow)[];

/**
 * Every published cell of an edition as rows, sorted by questionnaire, versions, cohort, then
 * the overall score before the themes (in the pool's order). A row exists only for a cell the
 * edition holds: the file never says more than `GET /api/benchmarks` serves.
 */
export function openDataRows(e: PublishedEdition): OpenDataRow[] {
	const rows: OpenDataRow[] = [];
	const cells = [...e.cells].sort(
		(a, b) => a.pool.localeCompare(b.pool) || a.cohort.localeCompare(b.cohort)
	);
	for (const cell of cells) {
		const pool = parsePoolId(cell.pool);
		const cohort = parseCohortKey(cell.cohort);
		const base = {
			campaign: e.campaign,
			edition: e.number,
			published_on: e.publishedOn,
			questionnaire: pool.questionnaire,
			versions: pool.versions.join('+'),
			type: cohort.type,
			band: cohort.band ?? '',
			region: cohort.region ?? '',
			computed_in: cell.computedIn,
			synthetic: e.synthetic
		};
		const stat = (s: Statistic) => ({
			n: s.n,
			p10: s.p10,
			p25: s.p25,
			p50: s.p50,
			p75: s.p75,
			p90: s.p90
		});
		rows.push({ ...base, scope: 'overall', theme: '', ...stat(cell.figures.overall) });
		for (const [theme, s] of Object.entries(cell.figures.themes))
			rows.push({ ...base, scope: 'theme', theme, ...stat(s) });
	}
	return rows;
}

/** RFC 4180: comma-separated, quoted when needed, CRLF line ends, a header line first. */
export function openDataCsv(rows: readonly OpenDataRow[]): string {
	const field = (v: string | number | boolean) => {
		const s = String(v);
		return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
	};
	const lines = [openDataColumns.join(',')];
	for (const r of rows) lines.push(openDataColumns.map((c) => field(r[c])).join(','));
	return lines.join('\r\n') + '\r\n';
}

/** The cells of an edition, by pool and cohort key. */
export class EditionIndex {
	readonly #cells = new Map<string, EditionCell>();
	/** Pool id of each questionnaire (the newest pool when a questionnaire has several). */
	readonly pools = new Map<string, string>();

	constructor(readonly edition: PublishedEdition) {
		for (const c of edition.cells) {
			this.#cells.set(`${c.pool}|${c.cohort}`, c);
			const q = parsePoolId(c.pool).questionnaire;
			const known = this.pools.get(q);
			if (known === undefined || maxVersion(c.pool) > maxVersion(known)) this.pools.set(q, c.pool);
		}
	}

	cell(pool: string, cohort: string): EditionCell | undefined {
		return this.#cells.get(`${pool}|${cohort}`);
	}

	/** The cohorts this pool publishes, by key. */
	cohorts(pool: string): string[] {
		return this.edition.cells.filter((c) => c.pool === pool).map((c) => c.cohort);
	}
}

const maxVersion = (pool: string) => Math.max(...parsePoolId(pool).versions);

/** Territory types in the profile's order, those with a published cell of `pool` only. */
export function publishedTypes(index: EditionIndex, pool: string): TerritoryType[] {
	const keys = new Set(index.cohorts(pool));
	return territoryTypes.filter((t) => keys.has(t));
}

/** Bands of a type with a published cell of `pool`, smallest first. */
export function publishedBands(index: EditionIndex, pool: string, type: string): string[] {
	return index
		.cohorts(pool)
		.map(parseCohortKey)
		.filter((c) => c.type === type && c.band !== undefined && c.region === undefined)
		.map((c) => c.band!)
		.sort((a, b) => parseInt(a) - parseInt(b));
}

/**
 * The band of a type whose cells cover the most régions: the map's default, so that it shows
 * as much as is published.
 */
export function bestMapBand(index: EditionIndex, pool: string, type: string): string | null {
	const count = new Map<string, number>();
	for (const c of index.cohorts(pool).map(parseCohortKey))
		if (c.type === type && c.region !== undefined)
			count.set(c.band!, (count.get(c.band!) ?? 0) + 1);
	let best: string | null = null;
	for (const [band, n] of count) if (best === null || n > count.get(best)!) best = band;
	return best;
}

/** One point of a trend: an edition and the median of each series it publishes. */
export interface TrendPoint {
	campaign: number;
	number: number;
	publishedOn: string;
	synthetic: boolean;
	/** `overall` and theme ids → median; absent when the edition publishes no such figure. */
	medians: Record<string, number>;
}

/**
 * The median of the overall score and of each theme of a cohort across editions, oldest first,
 * for the pools of one questionnaire that share a version with `versions` (comparable figures:
 * pools are built from `comparableWith`). An edition without such a cell is left out.
 */
export function trend(
	editions: readonly PublishedEdition[],
	questionnaire: string,
	versions: readonly number[],
	cohort: string
): TrendPoint[] {
	const points: TrendPoint[] = [];
	const sorted = [...editions].sort((a, b) => a.campaign - b.campaign || a.number - b.number);
	for (const e of sorted) {
		const cell = e.cells.find((c) => {
			if (c.cohort !== cohort) return false;
			const p = parsePoolId(c.pool);
			return p.questionnaire === questionnaire && p.versions.some((v) => versions.includes(v));
		});
		if (!cell) continue;
		const medians: Record<string, number> = { overall: cell.figures.overall.p50 };
		for (const [t, s] of Object.entries(cell.figures.themes)) medians[t] = s.p50;
		points.push({
			campaign: e.campaign,
			number: e.number,
			publishedOn: e.publishedOn,
			synthetic: e.synthetic,
			medians
		});
	}
	return points;
}

/** What became of each cell from one edition to the next of the same campaign. */
export interface EditionChanges {
	/** Cells with new figures that the previous edition did not publish. */
	added: number;
	/** Cells the previous edition published, with new figures now. */
	updated: number;
	/** Cells whose figures are those of an earlier edition, unchanged. */
	carried: number;
	/** Cells the previous edition published and this one does not. */
	removed: number;
}

/**
 * Compares an edition with the previous one of its campaign (or with nothing, for a first
 * edition: every cell is then `added`).
 * Example: previous {a, b, c}, current {a (carried), b (new figures), d} → added 1 (d),
 * updated 1 (b), carried 1 (a), removed 1 (c).
 */
export function editionChanges(
	current: PublishedEdition,
	previous: PublishedEdition | undefined
): EditionChanges {
	const before = new Set(previous?.cells.map((c) => `${c.pool}|${c.cohort}`) ?? []);
	const now = new Set<string>();
	const out: EditionChanges = { added: 0, updated: 0, carried: 0, removed: 0 };
	for (const c of current.cells) {
		const id = `${c.pool}|${c.cohort}`;
		now.add(id);
		if (c.computedIn < current.number) out.carried++;
		else if (before.has(id)) out.updated++;
		else out.added++;
	}
	for (const id of before) if (!now.has(id)) out.removed++;
	return out;
}

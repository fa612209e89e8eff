/**
 * The observatory's open data against the API, on the built server with the demo editions: an
 * edition's CSV holds exactly the cells `GET /api/benchmarks` serves for it (none under k, none
 * the differencing rule withholds), its JSON the same rows; stable URLs with ETag and 304; the
 * pages are rendered on the server (their tables are in the HTML, no script needed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchmarkSchema, type Benchmark } from '../../src/lib/domain/benchmark.ts';
import { populationBands } from '../../src/lib/domain/cohort.ts';
import { openDataColumns } from '../../src/lib/domain/observatory.ts';
import { territoryTypes } from '../../src/lib/domain/profile-fields.ts';
import { regions } from '../../src/lib/domain/regions.ts';
import { parseCsv } from '../../src/lib/server/benchmarks/csv.ts';
import { questionnaires, startApi, thisYear, type ApiServer } from '../support/api.ts';

let api: ApiServer;
beforeAll(async () => {
	api = await startApi({ DEMO_DATA: 'on' });
}, 60_000);
afterAll(() => api?.close());

const latest = thisYear - 1;
const older = thisYear - 2;

/** A cell and score as text: `donnees|1|commune|3500-9999|44|overall|` → `n p10 p25 p50 p75 p90`. */
type Cells = Map<string, string>;

async function csvCells(
	campaign: number
): Promise<{ cells: Cells; header: string[]; rows: string[][] }> {
	const res = await fetch(`${api.url}/observatoire/${campaign}/1/donnees.csv`);
	expect(res.status).toBe(200);
	expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
	const [header, ...records] = parseCsv(await res.text()).map((r) => r.fields);
	const col = (row: string[], name: (typeof openDataColumns)[number]) =>
		row[openDataColumns.indexOf(name)]!;
	const cells: Cells = new Map();
	for (const row of records) {
		const key = [
			col(row, 'questionnaire'),
			col(row, 'versions'),
			col(row, 'type'),
			col(row, 'band'),
			col(row, 'region'),
			col(row, 'scope'),
			col(row, 'theme')
		].join('|');
		expect(cells.has(key), key).toBe(false);
		cells.set(
			key,
			['n', 'p10', 'p25', 'p50', 'p75', 'p90'].map((c) => col(row, c as 'n')).join(' ')
		);
	}
	return { cells, header: header!, rows: records };
}

/** What the API serves for one exact cohort of a campaign, as cells (none when it falls back). */
function servedCells(b: Benchmark, into: Cells) {
	if (b.fellBack || !b.cohort || !b.overall) return;
	const base = [
		b.questionnaire,
		b.pooledVersions.join('+'),
		b.cohort.type,
		b.cohort.band ?? '',
		b.cohort.region ?? ''
	].join('|');
	const text = (s: NonNullable<Benchmark['overall']>) =>
		[s.n, s.p10, s.p25, s.p50, s.p75, s.p90].join(' ');
	into.set(`${base}|overall|`, text(b.overall));
	for (const [theme, s] of Object.entries(b.themes)) into.set(`${base}|theme|${theme}`, text(s));
}

async function benchmark(query: Record<string, string>): Promise<Benchmark> {
	const res = await fetch(`${api.url}/api/benchmarks?${new URLSearchParams(query)}`);
	expect(res.status).toBe(200);
	return benchmarkSchema.parse(await res.json());
}

/** Runs `tasks` with at most `width` at once. */
async function pool<T>(tasks: (() => Promise<T>)[], width = 8): Promise<T[]> {
	const out: T[] = [];
	let next = 0;
	await Promise.all(
		Array.from({ length: width }, async () => {
			while (next < tasks.length) {
				const i = next++;
				out[i] = await tasks[i]!();
			}
		})
	);
	return out;
}

describe('open data', () => {
	it('the latest edition’s CSV is exactly the set of cells the API serves for it', async () => {
		const { cells, header, rows } = await csvCells(latest);
		expect(header).toEqual([...openDataColumns]);
		expect(rows.length).toBeGreaterThan(1000);
		// Every cohort of every questionnaire version the catalog has, asked of the API.
		const queries: Record<string, string>[] = [];
		for (const q of questionnaires)
			for (const type of territoryTypes) {
				const base = {
					questionnaire: q.id,
					version: String(q.version),
					type,
					campaign: String(latest)
				};
				queries.push(base);
				for (const band of populationBands) {
					queries.push({ ...base, band });
					for (const region of Object.keys(regions)) queries.push({ ...base, band, region });
				}
			}
		const served: Cells = new Map();
		for (const b of await pool(queries.map((q) => () => benchmark(q)))) servedCells(b, served);
		expect(served.size).toBe(cells.size);
		expect(new Map([...cells].sort())).toEqual(new Map([...served].sort()));
	}, 300_000);

	it('every row is published (n ≥ k), synthetic and of its edition; the older campaign’s cells are the API’s too', async () => {
		const { cells, rows } = await csvCells(older);
		const k = (await benchmark({ questionnaire: 'donnees', version: '1', type: 'commune' })).k;
		for (const row of rows) {
			expect(Number(row[openDataColumns.indexOf('n')])).toBeGreaterThanOrEqual(k);
			expect(row[openDataColumns.indexOf('synthetic')]).toBe('true');
			expect(row[openDataColumns.indexOf('campaign')]).toBe(String(older));
		}
		// Each overall cell of the older campaign, asked for exactly: the API serves the same figures.
		const overall = [...cells.keys()].filter((key) => key.endsWith('|overall|'));
		const served: Cells = new Map();
		const asked = overall.map((key) => {
			const [questionnaire, versions, type, band, region] = key.split('|');
			const query: Record<string, string> = {
				questionnaire: questionnaire!,
				version: versions!.split('+').at(-1)!,
				type: type!,
				campaign: String(older)
			};
			if (band) query['band'] = band;
			if (region) query['region'] = region;
			return () => benchmark(query);
		});
		for (const b of await pool(asked)) servedCells(b, served);
		expect(new Map([...cells].sort())).toEqual(new Map([...served].sort()));
	}, 120_000);

	it('the JSON holds the CSV’s rows, with the licence and the demonstration notice', async () => {
		const { rows } = await csvCells(latest);
		const json = (await (
			await fetch(`${api.url}/observatoire/${latest}/1/donnees.json`)
		).json()) as {
			synthetic: boolean;
			notice: string;
			licence: { name: string; url: string };
			rows: Record<string, unknown>[];
		};
		expect(json.synthetic).toBe(true);
		expect(json.notice).toMatch(/démonstration/);
		expect(json.licence.name).toMatch(/Licence Ouverte/);
		expect(json.rows.map((r) => openDataColumns.map((c) => String(r[c])))).toEqual(rows);
	});

	it('answers 304 to a matching If-None-Match, and 404 for an edition that does not exist', async () => {
		const url = `${api.url}/observatoire/${latest}/1/donnees.csv`;
		const first = await fetch(url);
		const etag = first.headers.get('etag')!;
		expect(etag).toMatch(/^"[\w-]+"$/);
		expect(first.headers.get('link')).toMatch(/rel="license"/);
		expect((await fetch(url, { headers: { 'if-none-match': etag } })).status).toBe(304);
		expect((await fetch(url)).headers.get('etag')).toBe(etag);
		expect((await fetch(`${api.url}/observatoire/${latest}/9/donnees.csv`)).status).toBe(404);
		expect((await fetch(`${api.url}/observatoire/abc/1/donnees.json`)).status).toBe(404);
		const schema = (await (await fetch(`${api.url}/observatoire/donnees/schema.json`)).json()) as {
			fields: { name: string }[];
		};
		expect(schema.fields.map((f) => f.name)).toEqual([...openDataColumns]);
	});
});

describe('pages rendered on the server', () => {
	it('sends the tables in the HTML, in French and in English, marked « démonstration »', async () => {
		const fr = await (await fetch(`${api.url}/observatoire`)).text();
		expect(fr).toContain('<html lang="fr"');
		expect((fr.match(/<table/g) ?? []).length).toBeGreaterThanOrEqual(8);
		expect(fr).toContain('Grand Est');
		expect(fr).toMatch(/démonstration/);
		const en = await (await fetch(`${api.url}/en/observatoire`)).text();
		expect(en).toContain('<html lang="en"');
		expect(en).toContain('Overall score');
		expect((en.match(/<table/g) ?? []).length).toBeGreaterThanOrEqual(8);
	});

	it('names a bad parameter and shows the default; a missing edition is a 404 page', async () => {
		const html = await (await fetch(`${api.url}/observatoire?type=zzz`)).text();
		expect(html).toContain('«\u202ftype\u202f»');
		expect((await fetch(`${api.url}/observatoire/${latest}/9`)).status).toBe(404);
		const edition = await (await fetch(`${api.url}/observatoire/${latest}/1`)).text();
		expect(edition).toContain('Méthodologie');
		expect(edition).toContain('pas un échantillon représentatif');
	});
});

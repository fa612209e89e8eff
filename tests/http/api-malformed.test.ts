/**
 * 200+ malformed requests against the built server: each gets a 4xx with a JSON `{ code,
 * message }`, none a 5xx, and the store is byte for byte what it was before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contribution, startApi, storeSnapshot, thisYear, type ApiServer } from '../support/api.ts';

interface Case {
	name: string;
	method?: string;
	path?: string;
	headers?: Record<string, string>;
	body?: string | Uint8Array | ReadableStream<Uint8Array>;
}

/** A chunked body (no declared length) of `size` spaces, so that only a running count stops it. */
const chunked = (size: number) =>
	new ReadableStream<Uint8Array>({
		start(c) {
			for (let sent = 0; sent < size; sent += 65536) c.enqueue(new Uint8Array(65536).fill(32));
			c.close();
		}
	});

const json = { 'content-type': 'application/json' };
const clone = () => structuredClone(contribution()) as unknown as Record<string, unknown>;

/** Sets (or, with `undefined`, deletes) a dotted path of a fresh valid contribution. */
function mutate(path: string, value: unknown): string {
	const c = clone();
	const keys = path.split('.');
	let at = c;
	for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
	if (value === undefined) delete at[keys.at(-1)!];
	else at[keys.at(-1)!] = value;
	return JSON.stringify(c);
}

function bodyCases(): Case[] {
	const cases: Case[] = [];
	const post = (name: string, body: string, headers: Record<string, string> = json) =>
		cases.push({ name, body, headers });
	const fields = [
		'questionnaire',
		'version',
		'campaign',
		'cohort',
		'cohort.type',
		'cohort.band',
		'cohort.region',
		'scores',
		'scores.overall',
		'scores.themes',
		'scores.themes.gouvernance',
		'scores.themes.rgpd',
		'scores.themes.referentiels'
	];
	const wrong = [null, true, 'x', 1.5, -1, 101, [], {}, '50', 1e12, 'DROP TABLE contributions'];
	for (const f of fields) {
		post(`${f} missing`, mutate(f, undefined));
		for (const v of wrong) post(`${f} = ${JSON.stringify(v)}`, mutate(f, v));
	}
	for (const [where, extra] of [
		['', 'name'],
		['', 'code'],
		['', 'comment'],
		['', 'ip'],
		['cohort.', 'name'],
		['cohort.', 'code'],
		['cohort.', 'population'],
		['scores.', 'mean'],
		['scores.', 'answers'],
		['scores.themes.', 'nouveau-theme']
	])
		post(`extra field ${where}${extra}`, mutate(`${where}${extra}`, 'Nancy, 54395'));
	for (const q of ['inconnu', 'Donnees', 'donnees ', '../donnees', ''])
		post(`questionnaire ${JSON.stringify(q)}`, mutate('questionnaire', q));
	for (const v of [0, 2, 99, -1, 1.0000001]) post(`version ${v}`, mutate('version', v));
	for (const y of [1999, 2023, thisYear + 2, 10000, 20260])
		post(`campaign ${y}`, mutate('campaign', y));
	for (const b of ['3500-10000', '0-1000', '1000000', '', '3500 - 9999', 'toString'])
		post(`band ${JSON.stringify(b)}`, mutate('cohort.band', b));
	for (const r of ['99', '00', '1', '044', 'FR-GES', 'constructor', '2A'])
		post(`region ${JSON.stringify(r)}`, mutate('cohort.region', r));
	for (const t of ['ville', 'Commune', 'epci', ''])
		post(`type ${JSON.stringify(t)}`, mutate('cohort.type', t));
	post(
		'themes of another questionnaire',
		JSON.stringify(contribution({}, 50, 'inclusion')).replace('"inclusion"', '"donnees"')
	);
	post(
		'a theme renamed',
		mutate('scores.themes', { ...contribution().scores.themes, rgpd: undefined, RGPD: 50 })
	);

	// Broken JSON and what is JSON but not a contribution.
	for (const text of [
		'{',
		'}',
		'{"questionnaire":',
		"{'questionnaire':'donnees'}",
		'{"a":1,}',
		'[1,2',
		'nul',
		'undefined',
		'NaN',
		'{"version": Infinity}',
		'/* comment */ {}',
		JSON.stringify(contribution()) + 'x',
		'null',
		'[]',
		'"texte libre"',
		'42',
		'true',
		'[' + JSON.stringify(contribution()) + ']',
		'['.repeat(4000) + ']'.repeat(4000),
		' '
	])
		post(`body ${JSON.stringify(text.slice(0, 30))}`, text);
	// Keys that reach a prototype, at the top and nested (JSON.parse keeps them as own keys).
	const valid = JSON.stringify(contribution());
	for (const [where, key] of [
		['{', '__proto__'],
		['{', 'constructor'],
		['{', 'prototype'],
		['"cohort":{', '__proto__'],
		['"scores":{', '__proto__'],
		['"themes":{', '__proto__'],
		['"themes":{', 'constructor']
	] as const)
		post(
			`key ${key} after ${where}`,
			valid.replace(where, `${where}"${key}":{"synthetic":true,"overall":0},`)
		);
	post('key __proto__ escaped', valid.replace('{', '{"\\u005f_proto__":{"overall":0},'));
	cases.push({ name: 'not UTF-8', headers: json, body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) });
	cases.push({ name: 'empty body', headers: json, body: '' });

	// Huge bodies, over the API's limit (8 KB) and the adapter's (512 KB), declared or chunked.
	for (const size of [8 * 1024 + 1, 100_000, 600_000, 1_000_000])
		post(`body of ${size} bytes`, JSON.stringify(contribution()).padEnd(size, ' '));
	for (const size of [65536, 900_000])
		cases.push({ name: `chunked body of ${size} bytes`, headers: json, body: chunked(size) });

	// Wrong content types (same-origin, so that they reach the API rather than Kit's CSRF check).
	for (const type of [
		'',
		'text/plain',
		'text/html',
		'application/xml',
		'application/x-www-form-urlencoded',
		'multipart/form-data; boundary=x',
		'application/json; charset=latin1',
		'application/jsonx',
		'application/ld+json',
		'application/json, text/plain'
	])
		cases.push({
			name: `content-type ${JSON.stringify(type)}`,
			headers: type ? { 'content-type': type } : {},
			body: JSON.stringify(contribution())
		});
	return cases;
}

function tokenCases(): Case[] {
	const valid = JSON.stringify(contribution());
	const cases: Case[] = [];
	for (const method of ['PUT', 'DELETE'])
		for (const auth of [
			undefined,
			'',
			'Bearer',
			'Bearer ',
			'Basic dXNlcjpwYXNz',
			'Bearer abc',
			'Bearer ' + 'a'.repeat(42),
			'Bearer ' + 'a'.repeat(44),
			'Bearer ' + 'a'.repeat(42) + '=',
			'Bearer ' + 'a'.repeat(20) + ' ' + 'a'.repeat(22),
			'Bearer ' + 'é'.repeat(43),
			'Bearer ' + 'A'.repeat(43) // well formed, unknown: 404
		])
			cases.push({
				name: `${method} with authorization ${JSON.stringify(auth)}`,
				method,
				headers: { ...json, ...(auth === undefined ? {} : { authorization: auth }) },
				body: method === 'PUT' ? valid : undefined
			});
	return cases;
}

function queryCases(): Case[] {
	const base = { questionnaire: 'donnees', version: '1', type: 'commune' };
	const qs = (o: Record<string, string>) => new URLSearchParams(o).toString();
	const raw: string[] = [
		'',
		qs({ version: '1', type: 'commune' }),
		qs({ questionnaire: 'donnees', type: 'commune' }),
		qs({ questionnaire: 'donnees', version: '1' }),
		'questionnaire=donnees&version=1&type=commune&type=cc',
		'questionnaire=donnees&questionnaire=inclusion&version=1&type=commune',
		qs({ ...base, mean: '1' }),
		qs({ ...base, histogram: 'true' }),
		qs({ ...base, region: '44' }),
		'questionnaire=donnees&version=1&type=commune&band=1000000+',
		'questionnaire=%ZZ&version=1&type=commune',
		'questionnaire=donnees&version=1&type=commune&band=' + 'x'.repeat(10_000)
	];
	for (const [k, values] of Object.entries({
		questionnaire: ['inconnu', 'DONNEES', '', ' donnees', 'donnees/../x'],
		version: ['0', '2', '-1', '1.5', 'un', '01', '1e3', ' 1', '9999999'],
		type: ['ville', '', 'COMMUNE', 'commune ', 'undefined'],
		band: ['', '3500', '0-1000', 'tous'],
		campaign: ['26', '20266', 'deux-mille', '', '-2026']
	}))
		for (const v of values) raw.push(qs({ ...base, band: '3500-9999', [k]: v }));
	for (const r of ['99', '', '4', 'toString', '__proto__'])
		raw.push(qs({ ...base, band: '3500-9999', region: r }));
	// Parameter names that reach a prototype: refused, not silently dropped.
	for (const name of ['__proto__', 'constructor', 'prototype', 'hasOwnProperty'])
		raw.push(`${qs(base)}&${name}=1`);
	raw.push(`__proto__=x&${qs(base)}`);
	return raw.map((q) => ({
		name: `GET ?${q.slice(0, 60)}`,
		method: 'GET',
		path: `/api/benchmarks?${q}`
	}));
}

function otherCases(): Case[] {
	return [
		{ name: 'PATCH contributions', method: 'PATCH', headers: json, body: '{}' },
		{ name: 'OPTIONS contributions', method: 'OPTIONS' },
		{ name: 'GET contributions', method: 'GET' },
		{ name: 'POST benchmarks', method: 'POST', path: '/api/benchmarks', headers: json, body: '{}' },
		{ name: 'DELETE benchmarks', method: 'DELETE', path: '/api/benchmarks' },
		{ name: 'unknown API path', method: 'GET', path: '/api/contributions/1' },
		{ name: 'unknown API path with body', path: '/api/admin/import', headers: json, body: '[]' }
	];
}

let api: ApiServer;
let errors = '';
beforeAll(async () => {
	api = await startApi();
	api.process.stderr?.on('data', (d) => (errors += d));
	// Something to damage: a few contributions, one of them with a token used below.
	for (let i = 0; i < 5; i++) expect((await api.post(contribution({}, 40 + i))).status).toBe(201);
});
afterAll(() => api?.close());

describe('malformed requests', () => {
	const cases = [...bodyCases(), ...tokenCases(), ...queryCases(), ...otherCases()];

	it('are at least 200', () => {
		expect(cases.length).toBeGreaterThanOrEqual(200);
	});

	it('each get a 4xx with a JSON reason, none a 5xx, and change nothing stored', async () => {
		const before = storeSnapshot(api.db);
		const etagBefore = (
			await fetch(api.url + '/api/benchmarks?' + 'questionnaire=donnees&version=1&type=commune')
		).headers.get('etag');
		const failures: string[] = [];
		for (const c of cases) {
			const res = await fetch(api.url + (c.path ?? '/api/contributions'), {
				method: c.method ?? 'POST',
				// Same-origin as Kit sees it: adapter-node assumes https when ORIGIN is not set.
				headers: { origin: api.url.replace('http:', 'https:'), ...c.headers },
				body: c.body,
				duplex: 'half'
			} as RequestInit);
			const text = await res.text();
			let reason: { code?: unknown; message?: unknown } = {};
			try {
				reason = JSON.parse(text) as typeof reason;
			} catch {
				/* reported below */
			}
			const ok =
				res.status >= 400 &&
				res.status < 500 &&
				(res.headers.get('content-type') ?? '').startsWith('application/json') &&
				typeof reason.code === 'string' &&
				typeof reason.message === 'string';
			if (!ok) failures.push(`${c.name}: ${res.status} ${text.slice(0, 120)}`);
		}
		expect(failures).toEqual([]);
		expect(storeSnapshot(api.db)).toEqual(before);
		const etagAfter = (
			await fetch(api.url + '/api/benchmarks?' + 'questionnaire=donnees&version=1&type=commune')
		).headers.get('etag');
		expect(etagAfter).toBe(etagBefore);
		expect(errors).not.toMatch(/numeriscope: error/);
	});

	it('a body of many megabytes is refused or cut off, and the server stays up', async () => {
		const before = storeSnapshot(api.db);
		for (const size of [5_000_000, 20_000_000]) {
			const outcome = await fetch(api.url + '/api/contributions', {
				method: 'POST',
				headers: json,
				body: ' '.repeat(size)
			}).then(
				(res) => res.status,
				() => 'connection closed'
			);
			// Past 1 MiB the server answers 413 and closes; a client still sending may only see the close.
			expect([413, 'connection closed']).toContain(outcome);
		}
		// The cut connection may still sit in the client's pool: one retry.
		const status = await api.post(contribution()).then(
			(r) => r.status,
			() => api.post(contribution()).then((r) => r.status)
		);
		expect(status).toBe(201);
		expect(storeSnapshot(api.db).count).toBe(before.count + 1);
	});

	it('a cross-site form post is stopped by Kit before the API (403)', async () => {
		const res = await fetch(api.url + '/api/contributions', {
			method: 'POST',
			headers: {
				'content-type': 'text/plain',
				origin: 'https://ailleurs.example',
				accept: 'application/json'
			},
			body: JSON.stringify(contribution())
		});
		expect(res.status).toBe(403);
		expect(await res.json()).toHaveProperty('message');
	});
});

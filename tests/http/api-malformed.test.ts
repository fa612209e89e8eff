/**
 * 300+ malformed requests against the built server: each gets a 4xx with a JSON `{ code,
 * message }`, none a 5xx, and every table of the store is what it was before. The contribution
 * cases ride with a well-formed token, so that they reach the contribution's own checks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParticipationToken } from '../../src/lib/domain/participation.ts';
import { contribution, startApi, storeSnapshot, thisYear, type ApiServer } from '../support/api.ts';
import {
	contribute,
	invite,
	obtainToken,
	openCampaign,
	type ObtainedToken
} from '../support/participation.ts';

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

/** A token of the right shape (its signature is random): the contribution is checked first. */
const shapedToken: ParticipationToken = {
	key: 'A'.repeat(22),
	message: 'B'.repeat(86),
	signature: 'C'.repeat(342)
};

/** Sets (or, with `undefined`, deletes) a dotted path of a fresh valid contribution. */
function mutate(path: string, value: unknown): string {
	const c = clone();
	const keys = path.split('.');
	let at = c;
	for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
	if (value === undefined) delete at[keys.at(-1)!];
	else at[keys.at(-1)!] = value;
	return JSON.stringify({ token: shapedToken, contribution: c });
}

/** Sets (or deletes) a dotted path of an object given as JSON text; `{}` paths are created. */
function edit(base: unknown, path: string, value: unknown): string {
	const o = structuredClone(base) as Record<string, unknown>;
	const keys = path.split('.');
	let at = o;
	for (const k of keys.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
	if (value === undefined) delete at[keys.at(-1)!];
	else at[keys.at(-1)!] = value;
	return JSON.stringify(o);
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
		JSON.stringify({ token: shapedToken, contribution: contribution({}, 50, 'inclusion') }).replace(
			'"inclusion"',
			'"donnees"'
		)
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
	const valid = JSON.stringify({ contribution: contribution() });
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

/** A blinded message of the right length: 256 bytes, here all 0xff (above any modulus). */
const tooHigh = Buffer.alloc(256, 0xff).toString('base64url');
const someBlinded = Buffer.alloc(256, 0x01).toString('base64url');

/** `POST /api/participation` and `POST /api/tokens` gone wrong (issuance). */
function issuanceCases(): Case[] {
	const cases: Case[] = [];
	const at = (path: string, name: string, body: string) =>
		cases.push({ name: `${path} ${name}`, path, headers: json, body });
	const unknown = '7KQ2M-X9JDP-4RT8W-CB3NE';
	const wrongValues: unknown[] = [
		null,
		true,
		42,
		[],
		{},
		'',
		'x'.repeat(10_000),
		'ÉÉÉÉÉ-ÉÉÉÉÉ-ÉÉÉÉÉ-ÉÉÉÉÉ',
		'7KQ2M-X9JDP-4RT8W-CB3N', // 19 characters
		'7KQ2M-X9JDP-4RT8W-CB3NEE', // 21
		'7KQ2M_X9JDP_4RT8W_CB3NE', // underscores are not separators
		'7KQ2U-X9JDP-4RT8W-CB3NE', // U is not in the alphabet
		'<script>alert(1)</script>',
		"' OR 1=1 --",
		['7KQ2M-X9JDP-4RT8W-CB3NE']
	];
	for (const v of wrongValues)
		at(
			'/api/participation',
			`invitation = ${JSON.stringify(v).slice(0, 30)}`,
			JSON.stringify({ invitation: v })
		);
	// Well formed, typed loosely, but never issued: 404, not 400.
	for (const v of [
		unknown,
		unknown.toLowerCase(),
		unknown.replace(/-/g, ''),
		` ${unknown} `,
		unknown.replace(/0/g, 'O')
	])
		at(
			'/api/participation',
			`unknown invitation ${JSON.stringify(v)}`,
			JSON.stringify({ invitation: v })
		);
	at('/api/participation', 'no invitation', '{}');
	at(
		'/api/participation',
		'extra field',
		JSON.stringify({ invitation: unknown, territory: '54395' })
	);
	at(
		'/api/participation',
		'__proto__ key',
		`{"__proto__": {"admin": true}, "invitation": "${unknown}"}`
	);
	at('/api/participation', 'array body', JSON.stringify([{ invitation: unknown }]));
	at('/api/participation', 'string body', JSON.stringify(unknown));

	const token = { invitation: unknown, questionnaire: 'donnees', blindedMessage: someBlinded };
	const fields: Record<string, unknown[]> = {
		invitation: [undefined, null, 7, [], {}, 'garbage', 'x'.repeat(5000)],
		questionnaire: [
			undefined,
			null,
			1,
			[],
			{},
			'',
			'Donnees',
			'../donnees',
			'x'.repeat(300),
			'données'
		],
		blindedMessage: [
			undefined,
			null,
			0,
			[],
			{},
			'',
			someBlinded.slice(1),
			someBlinded + 'A',
			someBlinded.slice(2) + '==',
			someBlinded.slice(1).replace(/^/, '+'),
			someBlinded.slice(1) + '/',
			'é'.repeat(342),
			' '.repeat(342),
			Buffer.alloc(256).toString('base64') // padded standard base64
		]
	};
	for (const [field, values] of Object.entries(fields))
		for (const v of values)
			at(
				'/api/tokens',
				`${field} = ${JSON.stringify(v ?? 'missing').slice(0, 30)}`,
				edit(token, field, v)
			);
	at('/api/tokens', 'extra field', JSON.stringify({ ...token, key: 'A'.repeat(22) }));
	at(
		'/api/tokens',
		'__proto__ key',
		`{"__proto__": {}, "invitation": "${unknown}", "questionnaire": "donnees", "blindedMessage": "${someBlinded}"}`
	);
	at('/api/tokens', 'array body', JSON.stringify([token]));
	return cases;
}

/** Issuance cases that need a real invitation: they must be refused before any signature. */
function invitedIssuanceCases(invitation: string): Case[] {
	const body = (o: object) =>
		JSON.stringify({ invitation, questionnaire: 'donnees', blindedMessage: someBlinded, ...o });
	return [
		{
			name: 'blinded message above the modulus',
			path: '/api/tokens',
			headers: json,
			body: body({ blindedMessage: tooHigh })
		},
		{
			name: 'questionnaire not collected',
			path: '/api/tokens',
			headers: json,
			body: body({ questionnaire: 'inclusion' })
		},
		{
			name: 'unknown questionnaire',
			path: '/api/tokens',
			headers: json,
			body: body({ questionnaire: 'inconnu' })
		},
		{
			name: 'blinded message of 255 bytes',
			path: '/api/tokens',
			headers: json,
			body: body({ blindedMessage: Buffer.alloc(255, 1).toString('base64url') })
		}
	];
}

/** `POST /api/contributions` with a token gone wrong (redemption); the contribution is valid. */
function redemptionCases(genuine: ObtainedToken): Case[] {
	const cases: Case[] = [];
	const c = contribution({ cohort: genuine.participation.cohort });
	const base = { token: genuine.token, contribution: c };
	const at = (name: string, body: string) =>
		cases.push({ name: `redeem: ${name}`, headers: json, body });
	const t = genuine.token;
	const flip = (text: string, i: number) => {
		const b = Buffer.from(text, 'base64url');
		b[i]! ^= 1;
		return b.toString('base64url');
	};
	const fields: Record<string, unknown[]> = {
		token: [undefined, null, 'token', 1, [], [t]],
		'token.key': [
			undefined,
			null,
			1,
			'',
			'A'.repeat(15),
			'A'.repeat(65),
			'é'.repeat(22),
			'A'.repeat(22)
		],
		'token.message': [
			undefined,
			null,
			64,
			'',
			t.message.slice(1),
			t.message + 'A',
			Buffer.from(t.message, 'base64url').subarray(0, 63).toString('base64url'),
			Buffer.from(t.message, 'base64url').toString('base64'),
			flip(t.message, 0),
			flip(t.message, 63),
			t.message.slice(0, -1) + (t.message.endsWith('A') ? 'B' : 'A') // last character's spare bits
		],
		'token.signature': [
			undefined,
			null,
			[],
			t.signature.slice(1),
			t.signature + 'A',
			Buffer.from(t.signature, 'base64url').subarray(0, 255).toString('base64url'),
			flip(t.signature, 0),
			flip(t.signature, 128),
			flip(t.signature, 255),
			genuine.blindSignature,
			Buffer.alloc(256).toString('base64url'),
			Buffer.alloc(256, 0xff).toString('base64url')
		],
		'token.extra': ['x'],
		contribution: [undefined, null, [], 'scores', [c]],
		extra: ['Nancy']
	};
	for (const [path, values] of Object.entries(fields))
		for (const v of values)
			at(`${path} = ${JSON.stringify(v ?? 'missing').slice(0, 30)}`, edit(base, path, v));
	at('the invitation instead of a token', JSON.stringify({ invitation: 'x', contribution: c }));
	at(
		'a commitment where open participation is off',
		JSON.stringify({ commitment: 'A'.repeat(43), contribution: c })
	);
	at('a token and a commitment', JSON.stringify({ ...base, commitment: 'A'.repeat(43) }));
	at(
		'__proto__ in the token',
		JSON.stringify(base).replace('"token":{', '"token":{"__proto__":{"x":1},')
	);
	at('__proto__ at the top', JSON.stringify(base).replace(/^\{/, '{"__proto__":{"x":1},'));
	at('another cohort', edit(base, 'contribution.cohort.region', '11'));
	at('another band', edit(base, 'contribution.cohort.band', '0-999'));
	at(
		'another questionnaire',
		JSON.stringify({
			token: t,
			contribution: contribution({ cohort: genuine.participation.cohort }, 50, 'cybersecurite')
		})
	);
	at('another campaign', edit(base, 'contribution.campaign', thisYear - 1));
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
		version: ['0', '7', '-1', '1.5', 'un', '01', '1e3', ' 1', '9999999'],
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
		{ name: 'unknown API path with body', path: '/api/admin/import', headers: json, body: '[]' },
		{ name: 'GET tokens', method: 'GET', path: '/api/tokens' },
		{ name: 'PUT tokens', method: 'PUT', path: '/api/tokens', headers: json, body: '{}' },
		{ name: 'GET participation', method: 'GET', path: '/api/participation' },
		{ name: 'DELETE participation', method: 'DELETE', path: '/api/participation' },
		{ name: 'POST campaigns', method: 'POST', path: '/api/campaigns', headers: json, body: '{}' },
		{ name: 'keys of no year', method: 'GET', path: '/api/campaigns/deux-mille/keys' },
		{
			name: 'keys of year 20260',
			method: 'GET',
			path: '/api/campaigns/20260/keys?type=commune&band=0-999&region=44'
		},
		{
			name: 'keys with an unknown parameter',
			method: 'GET',
			path: `/api/campaigns/${thisYear}/keys?type=commune&band=0-999&region=44&all=1`
		},
		{
			name: 'keys with a region twice',
			method: 'GET',
			path: `/api/campaigns/${thisYear}/keys?type=commune&band=0-999&region=44&region=11`
		},
		{
			name: 'keys of a bad band',
			method: 'GET',
			path: `/api/campaigns/${thisYear}/keys?type=commune&band=tous&region=44`
		}
	];
}

let api: ApiServer;
let errors = '';
let invitations: Map<string, string>;
let genuine: ObtainedToken;
beforeAll(async () => {
	api = await startApi({}, (db) => {
		openCampaign(db, thisYear);
		invitations = invite(db, thisYear, ['54395', '57463', '51454', '67482']);
	});
	api.process.stderr?.on('data', (d) => (errors += d));
	// Something to damage: a few contributions, and a token kept unspent for the cases below.
	for (const code of ['54395', '57463', '51454']) {
		const { token, participation } = await obtainToken(api.url, invitations.get(code)!, 'donnees');
		expect(
			(await contribute(api.url, token, contribution({ cohort: participation.cohort }))).status
		).toBe(201);
	}
	genuine = await obtainToken(api.url, invitations.get('67482')!, 'donnees');
}, 60_000);
afterAll(() => api?.close());

describe('malformed requests', () => {
	const cases = () => [
		...bodyCases(),
		...tokenCases(),
		...issuanceCases(),
		...invitedIssuanceCases(invitations.get('54395')!),
		...redemptionCases(genuine),
		...queryCases(),
		...otherCases()
	];

	it('are at least 300, of which at least 100 about issuance and redemption', () => {
		expect(cases().length).toBeGreaterThanOrEqual(300);
		expect(
			issuanceCases().length + invitedIssuanceCases('x').length + redemptionCases(genuine).length
		).toBeGreaterThanOrEqual(100);
	});

	it('each get a 4xx with a JSON reason, none a 5xx, and change nothing stored', async () => {
		const before = storeSnapshot(api.db);
		const etagBefore = (
			await fetch(api.url + '/api/benchmarks?' + 'questionnaire=donnees&version=1&type=commune')
		).headers.get('etag');
		const failures: string[] = [];
		for (const c of cases()) {
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
		// The genuine token is still good: none of the above spent it.
		expect(
			(
				await contribute(
					api.url,
					genuine.token,
					contribution({ cohort: genuine.participation.cohort })
				)
			).status
		).toBe(201);
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
		const { token, participation } = await obtainToken(
			api.url,
			invitations.get('67482')!,
			'cybersecurite'
		);
		const body = contribution({ cohort: participation.cohort }, 50, 'cybersecurite');
		const status = await contribute(api.url, token, body).then(
			(r) => r.status,
			() => contribute(api.url, token, body).then((r) => r.status)
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

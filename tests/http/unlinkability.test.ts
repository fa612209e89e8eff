/**
 * Unlinkability, played by an operator who holds the whole store and every log line: after
 * territories are invited, redeem their invitations and contribute, nothing joins a
 * contribution to an invitation, an issuance or a territory. The same checks run on doctored
 * dumps of weaker designs (the invitation's hash on the contribution, sequential ids) and must
 * catch them: the test can fail.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	contribution,
	dumpStore,
	startApi,
	thisYear,
	tokenHashOf,
	type ApiServer
} from '../support/api.ts';
import {
	contribute,
	invite,
	obtainToken,
	openCampaign,
	withSecret,
	type ObtainedToken
} from '../support/participation.ts';

type Dump = Record<string, Record<string, unknown>[]>;

/** What a contribution may share with the rest: its cell, which is public by design. */
const CELL = new Set(['campaign', 'questionnaire', 'territory_type', 'band', 'region']);
/** Small enumerations and flags, equal by nature across tables (1, 0, 'invited'…). */
const ENUM = new Set(['version', 'synthetic', 'source']);

/** Every value of a contribution row (but its cell) found anywhere in another table. */
function sharedValues(dump: Dump): string[] {
	const elsewhere = new Set<string>();
	for (const [table, rows] of Object.entries(dump))
		if (table !== 'contributions')
			for (const r of rows)
				for (const v of Object.values(r)) if (v !== null) elsewhere.add(String(v));
	const found: string[] = [];
	for (const r of dump['contributions']!)
		for (const [column, v] of Object.entries(r)) {
			if (CELL.has(column) || ENUM.has(column) || v === null) continue;
			const text = String(v);
			for (const other of elsewhere)
				if (
					other === text ||
					(text.length >= 16 && other.includes(text)) ||
					(other.length >= 16 && text.includes(other))
				)
					found.push(`contributions.${column} = ${text.slice(0, 40)}`);
		}
	return found;
}

/** Whether the ids, sorted, or the rows, as stored, give away the order of insertion. */
function orderLeaks(rows: Record<string, unknown>[], inserted: string[]): string[] {
	const byId = [...rows].sort((a, b) => String(a['id']).localeCompare(String(b['id'])));
	const leaks: string[] = [];
	if (byId.map((r) => r['token_hash']).join() === inserted.join())
		leaks.push('ids sort in insertion order');
	if (rows.map((r) => r['token_hash']).join() === inserted.join())
		leaks.push('rows are stored in insertion order');
	const ids = rows.map((r) => String(r['id']));
	if (!ids.every((id) => /^[A-Za-z0-9_-]{22}$/.test(id))) leaks.push('ids are not 128 random bits');
	return leaks;
}

let api: ApiServer;
const codes = ['54395', '57463', '51454', '67482', '68224', '54099', '69123', '75056'];
let invitations: Map<string, string>;
const tokens: ObtainedToken[] = [];
const inserted: string[] = [];
let dump: Dump;
beforeAll(async () => {
	api = await startApi({}, (db) => {
		openCampaign(db, thisYear);
		invitations = invite(db, thisYear, codes);
	});
	// Redeem in the order of the list, then contribute in the same order: the worst case,
	// where any order kept by the store would pair issuances and contributions.
	for (const code of codes)
		for (const q of ['donnees', 'cybersecurite'])
			tokens.push(await obtainToken(api.url, invitations.get(code)!, q));
	for (const t of tokens) {
		const q = t.participation.questionnaires.find((x) => x.key.id === t.token.key)!.questionnaire;
		const res = await contribute(
			api.url,
			t.token,
			contribution({ cohort: t.participation.cohort }, 30 + tokens.indexOf(t), q)
		);
		expect(res.status).toBe(201);
		inserted.push(tokenHashOf(t.secret));
	}
	// One withdrawn and one replaced, as in real life.
	expect((await withSecret(api.url, tokens[0]!.secret)).status).toBe(204);
	dump = dumpStore(api.db);
}, 120_000);
afterAll(() => api?.close());

describe('a contribution cannot be linked to an invitation or a territory', () => {
	it('shares no value with invitations, issuances or keys', () => {
		expect(dump['contributions']).toHaveLength(16);
		expect(dump['issuances']).toHaveLength(16);
		expect(sharedValues(dump)).toEqual([]);
	});

	it('has no time, no territory and no key in its columns', () => {
		const columns = Object.keys(dump['contributions']![0]!).sort();
		expect(columns).toEqual(
			[
				'band',
				'campaign',
				'id',
				'questionnaire',
				'region',
				'scores',
				'source',
				'synthetic',
				'territory_type',
				'token_hash',
				'version'
			].sort()
		);
	});

	it('keeps no order: random ids, rows stored by id, no hidden rowid', () => {
		expect(orderLeaks(dump['contributions']!, inserted)).toEqual([]);
		const db = new Database(api.db, { readonly: true });
		try {
			expect(() => db.prepare('SELECT rowid FROM contributions').all()).toThrow(/no such column/);
			expect(() => db.prepare('SELECT rowid FROM issuances').all()).toThrow(/no such column/);
		} finally {
			db.close();
		}
	});

	it('was signed blindly: no blind signature or blinded message is a token’s', () => {
		const blind = new Set(dump['issuances']!.map((r) => String(r['blind_signature'])));
		const blindedHashes = new Set(dump['issuances']!.map((r) => String(r['blinded_hash'])));
		for (const t of tokens) {
			expect(blind.has(t.token.signature)).toBe(false);
			expect(t.token.signature).not.toBe(t.blindSignature);
			expect(blindedHashes.has(t.token.message)).toBe(false);
		}
	});

	it('leaves no invitation, blinded message, signature or secret in the server’s output', () => {
		const logs = api.logs();
		const secrets = [
			...[...invitations.values()].flatMap((c) => [c, c.replace(/-/g, '')]),
			...tokens.flatMap((t) => [
				t.secret,
				t.token.message,
				t.token.signature,
				t.blindSignature,
				t.blindedMessage,
				tokenHashOf(t.secret)
			]),
			...dump['invitations']!.map((r) => String(r['code_hash']))
		];
		expect(secrets.filter((s) => logs.includes(s))).toEqual([]);
	});

	it('would catch a weaker design', () => {
		const withInvitation = structuredClone(dump);
		withInvitation['contributions']![3]!['invitation'] = dump['invitations']![0]!['code_hash'];
		expect(sharedValues(withInvitation)).not.toEqual([]);
		const withKey = structuredClone(dump);
		withKey['contributions']![3]!['key'] = dump['signing_keys']![0]!['id'];
		expect(sharedValues(withKey)).not.toEqual([]);
		const sequential = dump['contributions']!.map((r, i) => ({
			...r,
			id: String(i).padStart(22, '0'),
			token_hash: inserted[i]
		}));
		expect(orderLeaks(sequential, inserted)).not.toEqual([]);
	});
});

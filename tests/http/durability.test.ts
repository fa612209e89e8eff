/**
 * Durability: tokens are issued and contributions sent while the built server is killed with
 * SIGKILL at random moments and started again on the same SQLite file. Every blind signature
 * and every contribution that was acknowledged must be in the store afterwards, and an
 * invitation never gets two different blind signatures for a questionnaire. Bounded: a few
 * kill cycles, a few seconds, loopback only.
 */
import { RSABSSA } from '@cloudflare/blindrsa-ts';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { normalizeInvitation, participationSchema } from '../../src/lib/domain/participation.ts';
import { contribution, storedTokenHashes, thisYear, tokenHashOf } from '../support/api.ts';
import { blindFor, invite, openCampaign } from '../support/participation.ts';
import { startBuiltServer, type RunningServer } from '../support/server.ts';

const suite = RSABSSA.SHA384.PSS.Randomized();
const CYCLES = 5;
const SENDERS = 4;
const dir = mkdtempSync(join(tmpdir(), 'numeriscope-durability-'));
const db = join(dir, 'store.sqlite');
let current: RunningServer | undefined;
afterAll(() => {
	current?.process.kill('SIGKILL');
	rmSync(dir, { recursive: true, force: true });
});

/** A deterministic sequence of delays, so that a failure can be replayed. */
let seed = 20260101;
const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;

const post = (url: string, path: string, body: unknown) =>
	fetch(url + path, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(5000)
	});

const hex = (s: string) => createHash('sha256').update(s).digest('hex');

interface Issued {
	invitation: string;
	blindedMessage: string;
	blindSignature: string;
}

describe('durability under SIGKILL', () => {
	it('keeps every token and contribution that was acknowledged, and one signature per invitation', async () => {
		openCampaign(db, thisYear, 'donnees@1');
		const queue = [...invite(db, thisYear, ['--type', 'commune', '--departement', '54']).values()];
		const issued: Issued[] = [];
		const acknowledged: string[] = [];
		const unexpected: string[] = [];
		for (let cycle = 0; cycle < CYCLES; cycle++) {
			current = await startBuiltServer({
				SQLITE_PATH: db,
				DEMO_DATA: 'off',
				RATE_LIMIT_WRITES: '1000000'
			});
			const { url, process: child } = current;
			let alive = true;
			const sender = async () => {
				while (alive && queue.length > 0) {
					const invitation = queue.shift()!;
					try {
						const p = await post(url, '/api/participation', { invitation });
						if (p.status !== 200) {
							unexpected.push(`participation ${p.status} ${await p.text()}`);
							continue;
						}
						const participation = participationSchema.parse(await p.json());
						const key = participation.questionnaires[0]!.key;
						const b = await blindFor(key.spki);
						const blindedMessage = Buffer.from(b.blindedMsg).toString('base64url');
						const t = await post(url, '/api/tokens', {
							invitation,
							questionnaire: 'donnees',
							blindedMessage
						});
						if (t.status !== 200) {
							unexpected.push(`tokens ${t.status} ${await t.text()}`);
							continue;
						}
						const { blindSignature } = (await t.json()) as { blindSignature: string };
						issued.push({ invitation, blindedMessage, blindSignature });
						const signature = await suite.finalize(
							b.publicKey,
							b.message,
							new Uint8Array(Buffer.from(blindSignature, 'base64url')),
							b.inv
						);
						const c = await post(url, '/api/contributions', {
							token: {
								key: key.id,
								message: Buffer.from(b.message).toString('base64url'),
								signature: Buffer.from(signature).toString('base64url')
							},
							contribution: contribution(
								{ cohort: participation.cohort },
								Math.floor(random() * 101)
							)
						});
						if (c.status === 201)
							acknowledged.push(tokenHashOf(Buffer.from(b.secret).toString('base64url')));
						else unexpected.push(`contributions ${c.status} ${await c.text()}`);
					} catch {
						// Killed mid-request: not acknowledged, so nothing is owed.
					}
				}
			};
			const senders = Array.from({ length: SENDERS }, () => sender());
			await new Promise((r) => setTimeout(r, 1500 + random() * 1500));
			child.kill('SIGKILL');
			alive = false;
			await Promise.all(senders);
			await new Promise((r) =>
				child.exitCode !== null || child.signalCode ? r(null) : child.once('exit', r)
			);
		}
		current = undefined;

		expect(unexpected).toEqual([]);
		expect(acknowledged.length).toBeGreaterThan(CYCLES * 2);
		console.log(`${issued.length} tokens and ${acknowledged.length} contributions acknowledged`);
		const stored = storedTokenHashes(db);
		expect(acknowledged.filter((h) => !stored.has(h))).toEqual([]);
		const check = new Database(db, { readonly: true });
		const issuances = check.prepare('SELECT code_hash, blind_signature FROM issuances').all() as {
			code_hash: string;
			blind_signature: string;
		}[];
		expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
		check.close();
		const byCode = new Map(issuances.map((r) => [r.code_hash, r.blind_signature]));
		expect(byCode.size).toBe(issuances.length);
		const lost = issued.filter(
			(i) => byCode.get(hex(normalizeInvitation(i.invitation))) !== i.blindSignature
		);
		expect(lost).toEqual([]);

		// After the restarts, an acknowledged invitation still gets only its own signature.
		current = await startBuiltServer({
			SQLITE_PATH: db,
			DEMO_DATA: 'off',
			RATE_LIMIT_WRITES: '1000000'
		});
		for (const i of issued.slice(0, 5)) {
			const same = await post(current.url, '/api/tokens', {
				invitation: i.invitation,
				questionnaire: 'donnees',
				blindedMessage: i.blindedMessage
			});
			expect(await same.json()).toEqual({ blindSignature: i.blindSignature });
			const other = Buffer.from(crypto.getRandomValues(new Uint8Array(256)));
			other[0] = 0; // below any modulus
			const again = await post(current.url, '/api/tokens', {
				invitation: i.invitation,
				questionnaire: 'donnees',
				blindedMessage: other.toString('base64url')
			});
			expect(again.status).toBe(409);
		}
		await current.stop();
		current = undefined;
	}, 120_000);
});

/**
 * Durability: contributions are sent while the built server is killed with SIGKILL at random
 * moments and started again on the same SQLite file. Every contribution answered 201 must be in
 * the store afterwards. Bounded: a few kill cycles, a few seconds, loopback only.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contribution, sha256, storedTokenHashes } from '../support/api.ts';
import { startBuiltServer, type RunningServer } from '../support/server.ts';

const CYCLES = 6;
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

describe('durability under SIGKILL', () => {
	it('keeps every contribution that was answered 201', async () => {
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
			const sender = async (id: number) => {
				for (let i = 0; alive && i < 10_000; i++) {
					try {
						const res = await fetch(url + '/api/contributions', {
							method: 'POST',
							headers: { 'content-type': 'application/json' },
							body: JSON.stringify(contribution({}, (cycle * 31 + id * 7 + i) % 101)),
							signal: AbortSignal.timeout(3000)
						});
						if (res.status === 201)
							acknowledged.push(((await res.json()) as { token: string }).token);
						else unexpected.push(`${res.status} ${await res.text()}`);
					} catch {
						// Killed mid-request: not acknowledged, so nothing is owed.
					}
				}
			};
			const senders = Array.from({ length: SENDERS }, (_, id) => sender(id));
			await new Promise((r) => setTimeout(r, 80 + random() * 400));
			child.kill('SIGKILL');
			alive = false;
			await Promise.all(senders);
			await new Promise((r) =>
				child.exitCode !== null || child.signalCode ? r(null) : child.once('exit', r)
			);
		}
		current = undefined;

		expect(unexpected).toEqual([]);
		expect(acknowledged.length).toBeGreaterThan(CYCLES * 5);
		const stored = storedTokenHashes(db);
		const lost = acknowledged.filter((t) => !stored.has(sha256(t)));
		expect(lost).toEqual([]);
		const check = new Database(db);
		expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
		check.close();
	}, 60_000);
});

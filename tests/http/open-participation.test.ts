/**
 * `OPEN_PARTICIPATION=on`: the start-up log says so, and a contribution with a commitment
 * (no invitation) is accepted for an open campaign, flagged `open`; withdrawn with its secret.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { contribution, thisYear, tokenHashOf } from '../support/api.ts';
import { openCampaign, withSecret } from '../support/participation.ts';
import { freePort } from '../support/server.ts';

const dir = mkdtempSync(join(tmpdir(), 'numeriscope-open-'));
const db = join(dir, 'store.sqlite');
let stop: (() => void) | undefined;
afterAll(() => {
	stop?.();
	rmSync(dir, { recursive: true, force: true });
});

describe('open participation', () => {
	it('is announced at start and takes a commitment instead of a token, flagged open', async () => {
		openCampaign(db, thisYear);
		const port = await freePort();
		const child = spawn(process.execPath, ['build'], {
			env: {
				...process.env,
				PORT: String(port),
				HOST: '127.0.0.1',
				SQLITE_PATH: db,
				DEMO_DATA: 'off',
				OPEN_PARTICIPATION: 'on'
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		stop = () => child.kill('SIGKILL');
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		const url = `http://127.0.0.1:${port}`;
		for (let i = 0; ; i++) {
			try {
				await fetch(url + '/api/campaigns');
				break;
			} catch {
				if (i > 200) throw new Error(`the server did not start:\n${output}`);
				await new Promise((r) => setTimeout(r, 100));
			}
		}
		expect(output.match(/OPEN_PARTICIPATION=on.*/g)).toHaveLength(1);
		const campaigns = (await (await fetch(url + '/api/campaigns')).json()) as {
			openParticipation: boolean;
		};
		expect(campaigns.openParticipation).toBe(true);

		const secret = crypto.getRandomValues(new Uint8Array(32));
		const commitment = Buffer.from(await crypto.subtle.digest('SHA-256', secret)).toString(
			'base64url'
		);
		const res = await fetch(url + '/api/contributions', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ commitment, contribution: contribution() })
		});
		expect(res.status).toBe(201);
		const s = Buffer.from(secret).toString('base64url');
		const check = new Database(db, { readonly: true });
		const row = check
			.prepare('SELECT source FROM contributions WHERE token_hash = ?')
			.get(tokenHashOf(s)) as { source: string } | undefined;
		check.close();
		expect(row).toEqual({ source: 'open' });
		expect((await withSecret(url, s)).status).toBe(204);
	}, 60_000);
});

/**
 * The write limit behind a reverse proxy (ADDRESS_HEADER): one bucket per client address as the
 * proxy gives it, IPv6 clients counted per /64 (what one subscriber gets), and requests that
 * come without the header share one bucket and are reported once in the log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContribution, startApi, thisYear, type ApiServer } from '../support/api.ts';
import { openCampaign } from '../support/participation.ts';

let api: ApiServer;
beforeAll(async () => {
	// Open participation: writes that need no token, so that only the limit is at play.
	api = await startApi(
		{
			RATE_LIMIT_WRITES: '2',
			RATE_LIMIT_WINDOW_SECONDS: '3600',
			ADDRESS_HEADER: 'x-real-ip',
			OPEN_PARTICIPATION: 'on'
		},
		(db) => openCampaign(db, thisYear)
	);
});
afterAll(() => api?.close());

const from = (address?: string) =>
	api.post(openContribution(), address === undefined ? {} : { 'x-real-ip': address });

/** The statuses of `n` writes from one address. */
async function writes(n: number, address?: string): Promise<number[]> {
	const statuses: number[] = [];
	for (let i = 0; i < n; i++) statuses.push((await from(address)).status);
	return statuses;
}

describe('the write limit behind a proxy', () => {
	it('counts each address the proxy gives separately', async () => {
		expect(await writes(3, '192.0.2.1')).toEqual([201, 201, 429]);
		expect(await writes(2, '192.0.2.2')).toEqual([201, 201]);
		// The same IPv4 client, written as an IPv4-mapped IPv6 address, is the same client.
		expect(await writes(1, '::ffff:192.0.2.2')).toEqual([429]);
	});

	it('counts an IPv6 client per /64, however it rotates the rest of its address', async () => {
		expect(
			[
				await from('2001:db8:1:2::1'),
				await from('2001:db8:1:2:aaaa:bbbb:cccc:dddd'),
				await from('2001:DB8:1:2:0:0:0:ffff')
			].map((r) => r.status)
		).toEqual([201, 201, 429]);
		expect(await writes(1, '2001:db8:1:3::1')).toEqual([201]); // another /64
	});

	it('puts writes without the header in one shared bucket, and says so once in the log', async () => {
		expect(await writes(4)).toEqual([201, 201, 429, 429]);
		expect(await writes(1, '')).toEqual([429]); // an empty header gives no address either
		const warnings = api.output().match(/numeriscope: a write came without a client address/g);
		expect(warnings).toHaveLength(1);
		expect(api.output()).toMatch(/x-real-ip.*share one rate-limit bucket/);
	});

	it('keeps a long header value from becoming a long key (memory stays bounded)', async () => {
		const long = 'x'.repeat(8000);
		expect(await writes(2, long)).toEqual([201, 201]);
		// Anything past the first 64 characters is the same client.
		expect(await writes(1, long.slice(0, 64) + 'y'.repeat(100))).toEqual([429]);
	});
});

/**
 * The writers of `bench:api`, in their own process so that their client work does not slow the
 * load generator measuring reads: reads a JSON file `{ url, connections, bodies, seconds, rate }`
 * (bodies of `POST /api/contributions`, with tokens prepared beforehand), waits until `startAt`,
 * then sends them over
 * `connections` concurrent keep-alive connections until every body is sent or `seconds` have
 * passed — each connection at most `rate` contributions per second when `rate` is given, as fast
 * as the server answers otherwise — and prints `{ sent, failed, ms }` as JSON.
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

const { url, connections, bodies, seconds, rate, startAt } = JSON.parse(
	readFileSync(process.argv[2]!, 'utf8')
) as {
	url: string;
	connections: number;
	bodies: unknown[];
	seconds: number;
	rate?: number;
	/** Epoch milliseconds to start at: the process is spawned early, so that loading it is not measured. */
	startAt?: number;
};
if (startAt !== undefined)
	await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())));
// Plain node:http on kept-alive sockets, the bodies serialised beforehand: the writers stand for
// browsers on other machines, so their own CPU use on this one is kept as small as it can be.
const agent = new Agent({ keepAlive: true, maxSockets: connections });
const target = new URL('/api/contributions', url);
const payloads = bodies.map((b) => Buffer.from(JSON.stringify(b)));
const post = (payload: Buffer) =>
	new Promise<number>((resolve, reject) => {
		const req = request(
			target,
			{
				method: 'POST',
				agent,
				headers: { 'content-type': 'application/json', 'content-length': payload.length }
			},
			(res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode ?? 0));
			}
		);
		req.on('error', reject);
		req.end(payload);
	});
let next = 0;
let sent = 0;
let failed = 0;
const start = performance.now();
const deadline = start + seconds * 1000;
await Promise.all(
	Array.from({ length: connections }, async (_, c) => {
		// Paced connections start spread over one interval, then keep to their own schedule.
		const interval = rate ? 1000 / rate : 0;
		let due = start + (interval * c) / connections;
		while (next < bodies.length && performance.now() < deadline) {
			if (interval > 0) {
				const wait = due - performance.now();
				if (wait > 0) await new Promise((r) => setTimeout(r, wait));
				due += interval;
				if (performance.now() >= deadline || next >= bodies.length) break;
			}
			if ((await post(payloads[next++]!)) === 201) sent++;
			else failed++;
		}
	})
);
const ms = performance.now() - start;
agent.destroy();
console.log(JSON.stringify({ sent, failed, ms }));

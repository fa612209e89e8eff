/**
 * The writers of `bench:api`, in their own process so that their client work does not slow the
 * load generator measuring reads: reads a JSON file `{ url, connections, bodies, seconds, rate }`
 * (bodies of `POST /api/contributions`, with tokens prepared beforehand), waits until `startAt`,
 * then sends them over
 * `connections` concurrent keep-alive connections until every body is sent or `seconds` have
 * passed — each connection at most `rate` contributions per second when `rate` is given, as fast
 * as the server answers otherwise — and prints `{ sent, failed, ms, cpuMs }` as JSON.
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
const cpuBefore = process.cpuUsage();
let failed = 0;
const start = performance.now();
const deadline = start + seconds * 1000;
/** One contribution on the next body; false once there is none left or time is up. */
async function send(): Promise<boolean> {
	if (next >= bodies.length || performance.now() >= deadline) return false;
	if ((await post(payloads[next++]!)) === 201) sent++;
	else failed++;
	return true;
}
if (rate) {
	// Paced: each connection sends `rate` a second, the connections spread over one interval.
	// One clock for all of them, ticking every TICK ms, starts the contributions that are due:
	// a timer per connection woke this process 100 times a second, each wake costing this
	// machine's CPU more than the contribution it sent (the writers stand for browsers elsewhere).
	const TICK = 20;
	const interval = 1000 / rate;
	const due = Array.from({ length: connections }, (_, c) => start + (interval * c) / connections);
	const busy = new Set<number>();
	const inFlight = new Set<Promise<unknown>>();
	await new Promise<void>((resolve) => {
		const tick = () => {
			const now = performance.now();
			if (now >= deadline || next >= bodies.length) {
				clearInterval(clock);
				return resolve();
			}
			for (let c = 0; c < connections; c++) {
				if (busy.has(c) || due[c]! > now) continue;
				due[c]! += interval;
				busy.add(c);
				const p = send().finally(() => {
					busy.delete(c);
					inFlight.delete(p);
				});
				inFlight.add(p);
			}
		};
		const clock = setInterval(tick, TICK);
		tick();
	});
	await Promise.all(inFlight);
} else
	await Promise.all(
		Array.from({ length: connections }, async () => {
			while (await send());
		})
	);
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpuBefore);
agent.destroy();
// `cpuMs`: this process's own CPU while sending (user + system), for the bench to print.
console.log(JSON.stringify({ sent, failed, ms, cpuMs: (cpu.user + cpu.system) / 1000 }));

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const defaults = {
	PORT: 3000,
	HOST: '127.0.0.1',
	SQLITE_PATH: 'data/numeriscope.sqlite',
	BENCHMARK_K: 5,
	DEMO_DATA: 'on',
	RATE_LIMIT_WRITES: 30,
	RATE_LIMIT_WINDOW_SECONDS: 600,
	OPEN_PARTICIPATION: 'off',
	BENCHMARK_REFRESH_MS: 1000,
	SHUTDOWN_TIMEOUT: 30
};

describe('loadConfig', () => {
	it('has embedded defaults', () => {
		expect(loadConfig({})).toEqual(defaults);
	});
	it('reads PORT and HOST, ignoring empty values', () => {
		expect(loadConfig({ PORT: '8080', HOST: '0.0.0.0' })).toMatchObject({
			PORT: 8080,
			HOST: '0.0.0.0'
		});
		expect(loadConfig({ PORT: '' })).toEqual(defaults);
	});
	it('reads the benchmark store and its rules', () => {
		expect(
			loadConfig({
				DATABASE_URL: 'postgres://app:secret@db.internal:5432/numeriscope',
				SQLITE_PATH: '/var/lib/numeriscope/store.sqlite',
				BENCHMARK_K: '10',
				DEMO_DATA: 'off',
				RATE_LIMIT_WRITES: '5',
				RATE_LIMIT_WINDOW_SECONDS: '60',
				BENCHMARK_REFRESH_MS: '5000'
			})
		).toEqual({
			...defaults,
			DATABASE_URL: 'postgres://app:secret@db.internal:5432/numeriscope',
			SQLITE_PATH: '/var/lib/numeriscope/store.sqlite',
			BENCHMARK_K: 10,
			DEMO_DATA: 'off',
			RATE_LIMIT_WRITES: 5,
			RATE_LIMIT_WINDOW_SECONDS: 60,
			BENCHMARK_REFRESH_MS: 5000
		});
	});
	it.each([
		[{ PORT: 'trois-mille' }, /PORT="trois-mille": must be a TCP port number/],
		[{ PORT: '70000' }, /PORT="70000": must be between 1 and 65535/],
		[{ PORT: '80.5' }, /PORT="80.5": must be a whole number/],
		[{ HOST: 'localhost; rm -rf /' }, /HOST="localhost; rm -rf \/": must be a host name/],
		[
			{ DATABASE_URL: 'mysql://x@y/z' },
			/DATABASE_URL="mysql:\/\/x@y\/z": must be a PostgreSQL URL/
		],
		[{ BENCHMARK_K: '2' }, /BENCHMARK_K="2": must be between 3 and 1000/],
		[{ BENCHMARK_K: 'cinq' }, /BENCHMARK_K="cinq": must be a whole number of contributions/],
		[{ DEMO_DATA: 'yes' }, /DEMO_DATA="yes": must be on or off/],
		[{ OPEN_PARTICIPATION: 'true' }, /OPEN_PARTICIPATION="true": must be on or off/],
		[{ RATE_LIMIT_WRITES: '0' }, /RATE_LIMIT_WRITES="0": must be between 1/],
		[{ RATE_LIMIT_WINDOW_SECONDS: '1.5' }, /RATE_LIMIT_WINDOW_SECONDS="1.5": must be a whole/],
		[{ BENCHMARK_REFRESH_MS: '10' }, /BENCHMARK_REFRESH_MS="10": must be between 100/]
	])('names the variable, its value and what is expected: %j', (env, message) => {
		expect(() => loadConfig(env)).toThrow(ConfigError);
		expect(() => loadConfig(env)).toThrow(message);
	});
	it('reads what adapter-node reads itself: the public origin, the address header, limits', () => {
		expect(
			loadConfig({
				ORIGIN: 'https://observatoire.example.org/',
				ADDRESS_HEADER: 'X-Forwarded-For',
				XFF_DEPTH: '2',
				BODY_SIZE_LIMIT: '64K',
				SHUTDOWN_TIMEOUT: '5',
				KEEP_ALIVE_TIMEOUT: '10',
				HEADERS_TIMEOUT: '20'
			})
		).toEqual({
			...defaults,
			ORIGIN: 'https://observatoire.example.org',
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: 2,
			BODY_SIZE_LIMIT: '64K',
			SHUTDOWN_TIMEOUT: 5,
			KEEP_ALIVE_TIMEOUT: 10,
			HEADERS_TIMEOUT: 20
		});
		expect(loadConfig({ ORIGIN: 'http://127.0.0.1:3000', ADDRESS_HEADER: 'x-real-ip' })).toEqual({
			...defaults,
			ORIGIN: 'http://127.0.0.1:3000',
			ADDRESS_HEADER: 'x-real-ip'
		});
		expect(loadConfig({ BODY_SIZE_LIMIT: 'Infinity' }).BODY_SIZE_LIMIT).toBe('Infinity');
	});
	it.each([
		['ORIGIN', 'observatoire.example.org'],
		['ORIGIN', 'ftp://observatoire.example.org'],
		['ORIGIN', 'https://observatoire.example.org/numeriscope'],
		['ORIGIN', 'https://observatoire.example.org?x=1'],
		['ORIGIN', 'https://observatoire.example.org/#top'],
		['ORIGIN', 'https://admin:pw@observatoire.example.org'],
		['ORIGIN', 'https://'],
		['ORIGIN', ' https://observatoire.example.org'],
		['ORIGIN', 'javascript:alert(1)']
	])('refuses %s=%j: an absolute http(s) URL without path is expected', (name, value) => {
		expect(() => loadConfig({ [name]: value })).toThrow(
			`${name}=${JSON.stringify(value)}: must be the public address of the site, an absolute http:// or https:// URL without path`
		);
	});
	it.each([
		[
			{ ADDRESS_HEADER: 'X Forwarded For' },
			/ADDRESS_HEADER="X Forwarded For": must be an HTTP header name/
		],
		[
			{ ADDRESS_HEADER: 'x-forwarded-for:' },
			/ADDRESS_HEADER="x-forwarded-for:": must be an HTTP header/
		],
		[
			{ ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '0' },
			/XFF_DEPTH="0": must be between 1 and 100/
		],
		[
			{ ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: 'deux' },
			/XFF_DEPTH="deux": must be a whole number of proxies/
		],
		[{ XFF_DEPTH: '2' }, /XFF_DEPTH="2": only meaningful with ADDRESS_HEADER=x-forwarded-for/],
		[
			{ ADDRESS_HEADER: 'x-real-ip', XFF_DEPTH: '1' },
			/XFF_DEPTH="1": only meaningful with ADDRESS_HEADER=x-forwarded-for/
		],
		[{ BODY_SIZE_LIMIT: '512 KB' }, /BODY_SIZE_LIMIT="512 KB": must be a size in bytes/],
		[{ BODY_SIZE_LIMIT: '-1' }, /BODY_SIZE_LIMIT="-1": must be a size in bytes/],
		[{ SHUTDOWN_TIMEOUT: '-1' }, /SHUTDOWN_TIMEOUT="-1": must be between 0 and 3600/],
		[{ HEADERS_TIMEOUT: 'x' }, /HEADERS_TIMEOUT="x": must be a number of seconds/]
	])('refuses a bad address header, proxy depth or limit: %j', (env, message) => {
		expect(() => loadConfig(env)).toThrow(ConfigError);
		expect(() => loadConfig(env)).toThrow(message);
	});
	it.each(['ORIGIN', 'XFF_DEPTH', 'BODY_SIZE_LIMIT'])(
		'refuses %s set but empty (adapter-node would read it as given)',
		(name) => {
			const env = { [name]: '', ADDRESS_HEADER: 'x-forwarded-for' };
			expect(() => loadConfig(env)).toThrow(`${name}="": is set but empty`);
		}
	);
	it('says each problem on one line, without a stack', () => {
		const e = (() => {
			try {
				loadConfig({ ORIGIN: 'ftp://x', XFF_DEPTH: '3' });
			} catch (e) {
				return e as ConfigError;
			}
		})()!;
		expect(e.lines).toHaveLength(2);
		expect(e.lines[0]).toMatch(/^ORIGIN="ftp:\/\/x": must be/);
		expect(e.lines[1]).toMatch(/^XFF_DEPTH="3": only meaningful/);
		expect(e.message).toBe(e.lines.join('\n'));
	});
	it('never prints the password of DATABASE_URL', () => {
		expect(() => loadConfig({ DATABASE_URL: 'postgres://app:s3cret@db host/x' })).toThrow(
			/DATABASE_URL="postgres:\/\/app:\*\*\*@db host\/x"/
		);
	});
	it('lists every bad variable at once', () => {
		expect(() => loadConfig({ PORT: 'x', HOST: '!' })).toThrow(/PORT="x".*\n.*HOST="!"/);
	});
});

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
	BENCHMARK_REFRESH_MS: 1000
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
	it('never prints the password of DATABASE_URL', () => {
		expect(() => loadConfig({ DATABASE_URL: 'postgres://app:s3cret@db host/x' })).toThrow(
			/DATABASE_URL="postgres:\/\/app:\*\*\*@db host\/x"/
		);
	});
	it('lists every bad variable at once', () => {
		expect(() => loadConfig({ PORT: 'x', HOST: '!' })).toThrow(/PORT="x".*\n.*HOST="!"/);
	});
});

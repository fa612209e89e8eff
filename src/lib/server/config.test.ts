import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
	it('has embedded defaults', () => {
		expect(loadConfig({})).toEqual({ PORT: 3000, HOST: '127.0.0.1' });
	});
	it('reads PORT and HOST, ignoring empty values', () => {
		expect(loadConfig({ PORT: '8080', HOST: '0.0.0.0' })).toEqual({ PORT: 8080, HOST: '0.0.0.0' });
		expect(loadConfig({ PORT: '' })).toEqual({ PORT: 3000, HOST: '127.0.0.1' });
	});
	it.each([
		[{ PORT: 'trois-mille' }, /PORT="trois-mille": must be a TCP port number/],
		[{ PORT: '70000' }, /PORT="70000": must be between 1 and 65535/],
		[{ PORT: '80.5' }, /PORT="80.5": must be a whole number/],
		[{ HOST: 'localhost; rm -rf /' }, /HOST="localhost; rm -rf \/": must be a host name/]
	])('names the variable, its value and what is expected: %j', (env, message) => {
		expect(() => loadConfig(env)).toThrow(ConfigError);
		expect(() => loadConfig(env)).toThrow(message);
	});
	it('lists every bad variable at once', () => {
		expect(() => loadConfig({ PORT: 'x', HOST: '!' })).toThrow(/PORT="x".*\n.*HOST="!"/);
	});
});

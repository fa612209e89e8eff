import { describe, expect, it } from 'vitest';
import { rememberedLanguage } from './language.ts';

const ask = (path: string, headers: Record<string, string>, method = 'GET') => {
	const url = new URL(path, 'http://localhost');
	return rememberedLanguage(new Request(url, { method, headers }), url);
};
const english = { cookie: 'other=1; numeriscope_lang=en', 'sec-fetch-dest': 'document' };

describe('the remembered language', () => {
	it('sends a French address to its English one when English was chosen', () => {
		expect(ask('/', english)?.headers.get('location')).toBe('/en');
		const r = ask('/diagnostics/nouveau?x=1', english);
		expect(r?.status).toBe(307);
		expect(r?.headers.get('location')).toBe('/en/diagnostics/nouveau?x=1');
	});

	it('never redirects an English address, a French choice, no choice, or a non-navigation', () => {
		expect(ask('/en/observatoire', english)).toBeNull();
		expect(ask('/en', english)).toBeNull();
		expect(ask('/', { ...english, cookie: 'numeriscope_lang=fr' })).toBeNull();
		expect(ask('/', { 'sec-fetch-dest': 'document' })).toBeNull();
		expect(ask('/api/campaigns', english)).toBeNull();
		expect(ask('/favicon.svg', english)).toBeNull();
		expect(ask('/', { ...english, 'sec-fetch-dest': 'empty' })).toBeNull();
		expect(ask('/', english, 'POST')).toBeNull();
	});

	it('sees the navigation the service worker passes on (Sec-Fetch-Dest: empty)', () => {
		const headers = { cookie: english.cookie, 'sec-fetch-dest': 'empty' };
		expect(ask('/importer', { ...headers, 'sec-fetch-mode': 'navigate' })?.status).toBe(307);
		expect(ask('/importer', { ...headers, 'sec-fetch-mode': 'cors' })).toBeNull();
	});

	it('reads a navigation without Sec-Fetch-Dest from its Accept header', () => {
		const cookie = english.cookie;
		expect(ask('/importer', { cookie, accept: 'text/html,*/*' })?.status).toBe(307);
		expect(ask('/importer', { cookie, accept: 'application/json' })).toBeNull();
	});
});

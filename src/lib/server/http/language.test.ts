import { describe, expect, it } from 'vitest';
import { rememberedLanguage, switchLanguage } from './language.ts';

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

describe('the switch as a link (/langue)', () => {
	const go = (query: string) => switchLanguage(new URL(`/langue?${query}`, 'http://localhost'));

	it('remembers the choice and goes back to the page in that language, query kept', () => {
		const r = go('vers=en&retour=/observatoire?type=commune') as Response;
		expect(r.status).toBe(303);
		expect(r.headers.get('location')).toBe('/en/observatoire?type=commune');
		expect(r.headers.get('set-cookie')).toBe(
			'numeriscope_lang=en; Path=/; Max-Age=34560000; SameSite=Lax'
		);
		const back = go('vers=fr&retour=/en/observatoire/2025/1') as Response;
		expect(back.headers.get('location')).toBe('/observatoire/2025/1');
		expect(back.headers.get('set-cookie')).toMatch(/^numeriscope_lang=fr;/);
		expect((go('vers=en&retour=/') as Response).headers.get('location')).toBe('/en');
		expect((go('vers=fr&retour=/en') as Response).headers.get('location')).toBe('/');
		expect((go('vers=en') as Response).headers.get('location')).toBe('/en');
	});

	it('names the wrong parameter, and never sends anyone to another site', () => {
		expect(go('vers=de&retour=/')).toBe('vers');
		expect(go('retour=/')).toBe('vers');
		for (const back of ['//evil.example/', 'https://evil.example/', '/\\evil.example', 'x'])
			expect(go(`vers=en&retour=${encodeURIComponent(back)}`), back).not.toBeInstanceOf(Response);
		expect(go('vers=en&retour=' + encodeURIComponent('/\t/evil.example'))).toBe('retour');
	});

	it('is never redirected by the remembered language', () => {
		expect(ask('/langue?vers=fr&retour=/', english)).toBeNull();
	});
});

import { afterEach, describe, expect, it } from 'vitest';
import { baseLocale, getLocale, overwriteGetLocale } from '../../paraglide/runtime.js';
import { participationMessage, refusal } from './errors.ts';

const original = getLocale;
afterEach(() => overwriteGetLocale(original));

describe('the officer’s text for an API error code', () => {
	it('is French by default, from the catalog', () => {
		expect(baseLocale).toBe('fr');
		expect(participationMessage('rate_limited')).toBe(
			'Trop de demandes en peu de temps : réessayez dans quelques minutes.'
		);
	});

	it('is English in an English page, never the server’s own message', async () => {
		overwriteGetLocale(() => 'en');
		expect(participationMessage('unknown_invitation')).toMatch(
			/^This invitation code is not recognised/
		);
		const res = new Response(JSON.stringify({ code: 'campaign_closed', message: 'server words' }), {
			status: 403
		});
		const e = await refusal(res);
		expect(e.code).toBe('campaign_closed');
		expect(e.message).toBe(
			'The campaign of this invitation is closed: it no longer accepts contributions.'
		);
		expect(participationMessage('invalid_json', 400)).toMatch(
			/^The server refused the request as malformed/
		);
		expect(participationMessage('', 502)).toBe(
			'The server ran into an error (HTTP code 502): try again later.'
		);
	});

	it('says an unknown code as it is, even one named like an object property', () => {
		for (const code of ['constructor', '__proto__', 'toString'])
			expect(participationMessage(code, 418)).toBe(
				`Le serveur a refusé la demande (code HTTP 418, ${code}).`
			);
	});
});

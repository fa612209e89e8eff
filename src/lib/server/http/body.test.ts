import { describe, expect, it } from 'vitest';
import { readJson } from './body.ts';
import { ApiError } from './errors.ts';

const request = (body: string) =>
	new Request('http://localhost/api/contributions', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body
	});

/** The refusal of a body, as `{ status, code, message }`. */
async function refusal(body: string) {
	try {
		await readJson(request(body));
	} catch (e) {
		if (e instanceof ApiError) return { status: e.status, code: e.code, message: e.message };
		throw e;
	}
	throw new Error('the body was accepted');
}

describe('readJson', () => {
	it('returns the parsed body', async () => {
		expect(await readJson(request('{"a":{"b":[1,{"c":2}]}}'))).toEqual({ a: { b: [1, { c: 2 }] } });
	});

	it.each([
		['{"__proto__":{"admin":true}}', '__proto__'],
		['{"cohort":{"type":"commune","__proto__":{"x":1}}}', 'cohort.__proto__'],
		['{"scores":{"themes":{"rgpd":50,"__proto__":null}}}', 'scores.themes.__proto__'],
		['[{"a":1},{"b":{"__proto__":[]}}]', '1.b.__proto__'],
		['{"a":{"constructor":{"prototype":{}}}}', 'a.constructor'],
		['{"prototype":1}', 'prototype'],
		// A key escaped in the JSON text is the same key once parsed.
		['{"\\u005f_proto__":{}}', '__proto__']
	])('refuses a forbidden key anywhere, naming its path: %s', async (body, path) => {
		const r = await refusal(body);
		expect(r).toMatchObject({ status: 400, code: 'forbidden_key' });
		expect(r.message).toContain(`at ${path}`);
	});

	it('accepts these words as values, and keys that only contain them', async () => {
		const body = '{"region":"__proto__","x":["constructor"],"__proto__x":1,"my_prototype":2}';
		expect(await readJson(request(body))).toEqual(JSON.parse(body));
	});

	it('walks a deeply nested body without overflowing the stack', async () => {
		const deep = '['.repeat(4000) + '{"__proto__":1}' + ']'.repeat(4000);
		expect(await refusal(deep)).toMatchObject({ code: 'forbidden_key' });
	});
});

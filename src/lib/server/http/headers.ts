import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/**
 * Security headers on every response the app renders. Pages get the full set; their CSP is
 * Kit's (svelte.config.js, hash mode: no inline script but Kit's own, hashed). Other responses
 * (JSON, errors) get a CSP that allows nothing, so that a response opened directly can neither
 * run nor embed anything, and skip the headers that only mean something for a document.
 */
const dataHeaders: Readonly<Record<string, string>> = {
	'x-content-type-options': 'nosniff',
	'content-security-policy':
		"default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
	'referrer-policy': 'no-referrer',
	'cross-origin-resource-policy': 'same-origin'
};

const documentHeaders: Readonly<Record<string, string>> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'no-referrer',
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin',
	'cross-origin-resource-policy': 'same-origin',
	'permissions-policy':
		'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()'
};

/** Everything a JSON response needs, for a route that sets all its headers at once. */
export const jsonHeaders: readonly [string, string][] = [
	...Object.entries(dataHeaders),
	['content-type', 'application/json']
];

/**
 * Adds the security headers a response lacks (a response with immutable headers is copied). A
 * 304 gets only those that are the same for every type (see `baseSecurityHeaders`).
 */
export function withSecurityHeaders(response: Response): Response {
	let r = response;
	const html = (r.headers.get('content-type') ?? '').startsWith('text/html');
	if (!html && r.headers.has('content-security-policy') && r.headers.has('x-content-type-options'))
		return r; // set by the route itself (see jsonHeaders)
	try {
		r.headers.set('x-content-type-options', 'nosniff');
	} catch {
		r = new Response(response.body, response);
	}
	const headers = r.status === 304 ? notModifiedHeaders : html ? documentHeaders : dataHeaders;
	for (const [name, value] of Object.entries(headers))
		if (!r.headers.has(name)) r.headers.set(name, value);
	return r;
}

/** The headers of both sets: what a 304 may carry whatever the type of the response it revalidates. */
const notModifiedHeaders: Readonly<Record<string, string>> = Object.fromEntries(
	Object.entries(dataHeaders).filter(([name]) => Object.hasOwn(documentHeaders, name))
);

/** HSTS, sent only when the site's public address (ORIGIN) is https: a year, subdomains too. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * The headers a response of this type gets when it has none of its own: every response the
 * nosniff, referrer and resource policies (and HSTS on https); a page the document headers;
 * anything else but a script the CSP that allows nothing (a script gets none: the CSP of a
 * service worker's script would govern the worker itself); a 304 only the first ones.
 */
export function baseSecurityHeaders(
	contentType: string,
	https: boolean,
	status = 200
): [string, string][] {
	const type = contentType.toLowerCase();
	const html = type.startsWith('text/html');
	const script = /^(text|application)\/javascript\b/.test(type);
	// A 304 has no type, and the browser merges its headers into the response it kept: a CSP
	// or a document header there would land on a cached page or script. Only those that are the
	// same for every type.
	const headers =
		status === 304
			? Object.entries(notModifiedHeaders)
			: Object.entries(html ? documentHeaders : dataHeaders).filter(
					([name]) => !(script && name === 'content-security-policy')
				);
	if (https) headers.push(['strict-transport-security', HSTS]);
	return headers;
}

/**
 * Makes a Node response add `baseSecurityHeaders` (those it does not already carry) when its
 * head is written, whoever writes it: adapter-node's static file server, its prerendered pages,
 * or the app. Called first thing for every request by the server entry (scripts/serve.ts).
 */
export function secureNodeResponse(res: ServerResponse, https: boolean): void {
	const writeHead = res.writeHead;
	res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
		const given = rest.find((r) => typeof r === 'object' && r !== null && !Array.isArray(r)) as
			OutgoingHttpHeaders | undefined;
		const names = new Set(Object.keys(given ?? {}).map((n) => n.toLowerCase()));
		const typeKey = Object.keys(given ?? {}).find((n) => n.toLowerCase() === 'content-type');
		const type = String((typeKey && given?.[typeKey]) ?? this.getHeader('content-type') ?? '');
		for (const [name, value] of baseSecurityHeaders(type, https, status))
			if (!names.has(name) && !this.hasHeader(name)) this.setHeader(name, value);
		return writeHead.call(this, status, ...(rest as [])) as ServerResponse;
	} as ServerResponse['writeHead'];
}

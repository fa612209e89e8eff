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

/** Adds the security headers a response lacks (a response with immutable headers is copied). */
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
	for (const [name, value] of Object.entries(html ? documentHeaders : dataHeaders))
		if (!r.headers.has(name)) r.headers.set(name, value);
	return r;
}

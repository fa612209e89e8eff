import { LANGUAGE_COOKIE } from '../../language.ts';

/**
 * The language of a page is its address: `/en/…` is English, anything else French. The switch
 * also remembers the choice (`LANGUAGE_COOKIE`): a page asked at its French address by a browser
 * that chose English is sent to its English address (307). An `/en/…` address is never
 * redirected, so a link to the English page opens in English whatever was chosen before.
 * Only navigations are redirected, never data or API requests.
 */
export function rememberedLanguage(request: Request, url: URL): Response | null {
	if (request.method !== 'GET' && request.method !== 'HEAD') return null;
	const path = url.pathname;
	if (path === '/en' || path.startsWith('/en/') || path.startsWith('/api/')) return null;
	if (path.endsWith('/__data.json') || /\.[a-z0-9]+$/i.test(path)) return null;
	// A navigation: `Sec-Fetch-Dest: document`, or `Sec-Fetch-Mode: navigate` when the service
	// worker passes it on (its fetch says `empty`); a browser without these headers: Accept.
	const h = request.headers;
	const navigation =
		h.get('sec-fetch-dest') === 'document' ||
		h.get('sec-fetch-mode') === 'navigate' ||
		(!h.has('sec-fetch-dest') && !!h.get('accept')?.includes('text/html'));
	if (!navigation) return null;
	const chosen = request.headers
		.get('cookie')
		?.split(';')
		.map((c) => c.trim().split('='))
		.find(([name]) => name === LANGUAGE_COOKIE)?.[1];
	if (chosen !== 'en') return null;
	return new Response(null, {
		status: 307,
		headers: {
			location: `/en${path === '/' ? '' : path}${url.search}`,
			vary: 'cookie',
			'cache-control': 'no-store'
		}
	});
}

import { choseEnglish, languageCookie } from '../../language.ts';

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
	if (path === SWITCH_PATH) return null;
	if (path.endsWith('/__data.json') || /\.[a-z0-9]+$/i.test(path)) return null;
	// A navigation: `Sec-Fetch-Dest: document`, or `Sec-Fetch-Mode: navigate` when the service
	// worker passes it on (its fetch says `empty`); a browser without these headers: Accept.
	const h = request.headers;
	const navigation =
		h.get('sec-fetch-dest') === 'document' ||
		h.get('sec-fetch-mode') === 'navigate' ||
		(!h.has('sec-fetch-dest') && !!h.get('accept')?.includes('text/html'));
	if (!navigation) return null;
	if (!choseEnglish(request.headers.get('cookie'))) return null;
	return new Response(null, {
		status: 307,
		headers: {
			location: `/en${path === '/' ? '' : path}${url.search}`,
			vary: 'cookie',
			'cache-control': 'no-store'
		}
	});
}

/** The switch's address: `/langue?vers=en&retour=/observatoire` (see `switchLanguage`). */
export const SWITCH_PATH = '/langue';

/** Why a switch request was refused: which parameter is wrong. */
export type SwitchProblem = 'vers' | 'retour';

/**
 * The language switch as a plain link, which works without JavaScript (the observatory's pages
 * have none): remembers `vers` (`fr` or `en`) in `LANGUAGE_COOKIE`, as the switch's script does,
 * and sends the browser (303) to `retour` in that language. `retour` is a path of this site, in
 * either language (`/en/observatoire` or `/observatoire`), with its query; anything else (another
 * host, `//host`, a backslash) is refused, so the switch cannot send anyone elsewhere.
 */
export function switchLanguage(url: URL): Response | SwitchProblem {
	const to = url.searchParams.get('vers');
	if (to !== 'fr' && to !== 'en') return 'vers';
	const back = url.searchParams.get('retour') ?? '/';
	if (!back.startsWith('/') || back.startsWith('//') || back.includes('\\')) return 'retour';
	const target = new URL(back, 'http://localhost');
	if (target.origin !== 'http://localhost') return 'retour';
	const path = target.pathname.replace(/^\/en(?=\/|$)/, '') || '/';
	const location = to === 'en' ? `/en${path === '/' ? '' : path}` : path;
	return new Response(null, {
		status: 303,
		headers: {
			location: location + target.search,
			'set-cookie': languageCookie(to),
			'cache-control': 'no-store'
		}
	});
}

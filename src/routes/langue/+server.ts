import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { switchLanguage } from '$lib/server/http/language';
import type { RequestHandler } from './$types';

/** The language switch as a link: remembers the choice, then back to the page in that language. */
export const GET: RequestHandler = ({ url }) => {
	const answer = switchLanguage(url);
	if (answer === 'vers') error(400, m.app_language_bad_target());
	if (answer === 'retour') error(400, m.app_language_bad_return());
	return answer;
};

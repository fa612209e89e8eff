import { error } from '@sveltejs/kit';
import { repository } from '$lib/client/storage/repository';
import type { PageLoad } from './$types';

/** The 404's text, loaded with the 404 only. */
const notFound = async (what: 'diagnostic' | 'questionnaire') =>
	(await import('$lib/messages/not-found')).notFoundText(what);

export const load: PageLoad = async ({ params }) => {
	const diagnostic = await repository().get(params.id);
	if (!diagnostic) error(404, { message: await notFound('diagnostic') });
	return { diagnostic };
};

import { error } from '@sveltejs/kit';
import { loadQuestionnaire, loadSummaries } from '$lib/client/catalog';
import { repository } from '$lib/client/storage/repository';
import type { PageLoad } from './$types';

/** The 404's text, loaded with the 404 only. */
const notFound = async (what: 'diagnostic' | 'questionnaire') =>
	(await import('$lib/messages/not-found')).notFoundText(what);

export const load: PageLoad = async ({ params, fetch }) => {
	const diagnostic = await repository().get(params.id);
	if (!diagnostic) error(404, { message: await notFound('diagnostic') });
	const [questionnaires, summaries] = await Promise.all([
		Promise.all(
			diagnostic.assessment.questionnaires.map((q) => loadQuestionnaire(q.id, q.version, fetch))
		),
		loadSummaries(fetch).catch(() => [])
	]);
	return { diagnostic, questionnaires, summaries };
};

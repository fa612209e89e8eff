import { error } from '@sveltejs/kit';
import { loadQuestionnaire } from '$lib/client/catalog';
import { database } from '$lib/client/storage/db';
import { getDiagnostic } from '$lib/client/storage/diagnostic';
import type { PageLoad } from './$types';

/** The 404's text, loaded with the 404 only. */
const notFound = async (what: 'diagnostic' | 'questionnaire') =>
	(await import('$lib/messages/not-found')).notFoundText(what);

export const load: PageLoad = async ({ params, fetch, url }) => {
	const diagnostic = await getDiagnostic(database(), params.id);
	if (!diagnostic) error(404, { message: await notFound('diagnostic') });
	const pinned = diagnostic.assessment.questionnaires.find((q) => q.id === params.questionnaireId);
	if (!pinned) error(404, { message: await notFound('questionnaire') });
	const questionnaire = await loadQuestionnaire(pinned.id, pinned.version, fetch);
	// The theme shown first; later theme changes use shallow routing and do not reload.
	return { diagnostic, questionnaire, theme: url.searchParams.get('theme') };
};

import { error, json } from '@sveltejs/kit';
import { catalog } from '$lib/server/catalog/bundle';
import type { EntryGenerator, RequestHandler } from './$types';

/** One validated questionnaire version as JSON: prerendered for every version in the catalog. */
export const prerender = true;

export const entries: EntryGenerator = () =>
	catalog.list().map((q) => ({ id: q.id, version: String(q.version) }));

export const GET: RequestHandler = ({ params }) => {
	const q = catalog.get(params.id, Number(params.version));
	if (!q)
		error(404, {
			message: `questionnaire ${params.id} v${params.version} inconnu`,
			code: 'not_found'
		});
	return json(q);
};

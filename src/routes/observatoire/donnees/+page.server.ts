import { observatory } from '$lib/server/observatory/runtime';
import { LICENCE } from '$lib/server/observatory/service';
import type { PageServerLoad } from './$types';

/** The open data: licence, format, dictionary, and the files of every edition. */
export const load: PageServerLoad = async () => ({
	licence: LICENCE,
	editions: (await observatory().all())
		.map((e) => ({
			campaign: e.campaign,
			number: e.number,
			publishedOn: e.publishedOn,
			synthetic: e.synthetic
		}))
		.reverse()
});

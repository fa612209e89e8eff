import type { Catalog } from '../../domain/catalog.ts';
import type { EditionCounts } from '../../domain/edition.ts';
import { localize, type Locale } from '../../domain/localize.ts';
import { editionChanges, type EditionChanges } from '../../domain/observatory.ts';
import type { ContributionSource } from '../store/types.ts';
import type { Text } from './overview.ts';
import type { ObservedEdition } from './service.ts';

/** What the page of one edition shows: its methodology as codes and numbers, and its changes. */
export interface EditionView {
	campaign: number;
	number: number;
	publishedOn: string;
	synthetic: boolean;
	k: number;
	collection: { closes: string | null; status: 'open' | 'closed' };
	sources: ContributionSource[];
	contributions: { id: string; label: Text; counts: Record<ContributionSource, number> }[];
	participation: { issued: number; redeemed: number; rate: number } | null;
	pools: { label: Text; versions: string; pooled: boolean }[];
	caveats: ('volunteers' | 'open' | 'import' | 'demo')[];
	counts: EditionCounts;
	/** Null for a campaign's first edition. */
	changes: (EditionChanges & { previous: number }) | null;
}

const text = (t: { fr: string; en?: string | undefined }, locale: Locale): Text =>
	locale === 'en' && !t.en ? { text: t.fr, lang: 'fr' } : { text: localize(t, locale) };

export function editionView(
	e: ObservedEdition,
	previous: ObservedEdition | undefined,
	catalog: Catalog,
	locale: Locale
): EditionView {
	const meth = e.methodology;
	const title = (id: string): Text => {
		const q = catalog.latest(id);
		return q ? text(q.title, locale) : { text: id };
	};
	const sources = meth.sources ?? [];
	const caveats: EditionView['caveats'] = ['volunteers'];
	if (sources.includes('open')) caveats.push('open');
	if (sources.includes('import')) caveats.push('import');
	if (e.synthetic) caveats.push('demo');
	return {
		campaign: e.campaign,
		number: e.number,
		publishedOn: e.publishedOn,
		synthetic: e.synthetic,
		k: meth.k,
		collection: { closes: meth.collection.closes, status: meth.collection.status },
		sources,
		contributions: Object.entries(meth.contributions ?? {})
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([id, counts]) => ({ id, label: title(id), counts })),
		participation: meth.participation
			? {
					issued: meth.participation.invitationsIssued,
					redeemed: meth.participation.invitationsRedeemed,
					rate: meth.participation.rate
				}
			: null,
		pools: (meth.pools ?? []).map((p) => ({
			label: title(p.questionnaire),
			versions: p.versions.join(', '),
			pooled: p.versions.length > 1
		})),
		caveats,
		counts: meth.cells,
		changes: previous ? { ...editionChanges(e, previous), previous: previous.number } : null
	};
}

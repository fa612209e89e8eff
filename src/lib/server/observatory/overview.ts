import type { Statistic } from '../../domain/benchmark.ts';
import type { Catalog } from '../../domain/catalog.ts';
import { localize, type Locale } from '../../domain/localize.ts';
import {
	bestMapBand,
	EditionIndex,
	parseCohortKey,
	parsePoolId,
	publishedBands,
	publishedTypes,
	trend,
	type TrendPoint
} from '../../domain/observatory.ts';
import { regions } from '../../domain/regions.ts';
import type { Localized } from '../../domain/text.ts';
import type { ObservedEdition } from './service.ts';

/**
 * What `/observatoire` shows, built on the server from the published editions: codes, numbers
 * and content titles in the page's language (the page words the codes). Only what is shown is
 * sent, since the page's data also travels in its HTML for hydration.
 */

/** A text of the content, with `lang: 'fr'` when English was asked for and is missing. */
export interface Text {
	text: string;
	lang?: 'fr';
}

/** One row of a distribution: a label (a code or a text) and its figures, null if not published. */
export interface QuantileRow {
	key: string;
	label: Text | null;
	stat: Statistic | null;
}

export interface Overview {
	/** Campaigns with a published edition, latest first. */
	campaigns: {
		year: number;
		synthetic: boolean;
		editions: { number: number; publishedOn: string }[];
	}[];
	edition: { campaign: number; number: number; publishedOn: string; synthetic: boolean; k: number };
	/** Address parameters that matched nothing published (the default was used). */
	problems: { name: string; value: string }[];
	selection: { questionnaire: string; type: string; band: string | null };
	options: { questionnaires: { id: string; label: Text }[]; types: string[]; bands: string[] };
	questionnaire: Text;
	participation: {
		byQuestionnaire: { id: string; label: Text; n: number }[];
		invitations: { issued: number; redeemed: number; rate: number } | null;
		byType: { type: string; n: number | null }[];
		byRegion: { region: string; n: number | null }[];
	};
	overallByQuestionnaire: QuantileRow[];
	themes: QuantileRow[];
	byBand: QuantileRow[];
	byType: QuantileRow[];
	map: { band: string | null; regions: { code: string; stat: Statistic | null }[] };
	trend: { series: { key: string; label: Text }[]; points: TrendPoint[] };
}

const byName = new Intl.Collator('fr');

const text = (t: Localized, locale: Locale): Text =>
	locale === 'en' && !t.en ? { text: t.fr, lang: 'fr' } : { text: localize(t, locale) };

/** The editions' latest per campaign, latest campaign first. */
function campaignsOf(editions: readonly ObservedEdition[]): Overview['campaigns'] {
	const by = new Map<number, Overview['campaigns'][number]>();
	for (const e of editions) {
		const c = by.get(e.campaign) ?? { year: e.campaign, synthetic: e.synthetic, editions: [] };
		c.editions.push({ number: e.number, publishedOn: e.publishedOn });
		by.set(e.campaign, c);
	}
	return [...by.values()]
		.sort((a, b) => b.year - a.year)
		.map((c) => ({ ...c, editions: c.editions.sort((a, b) => b.number - a.number) }));
}

/**
 * The overview for the address's parameters: `campagne` (a year), `questionnaire`, `type`,
 * `taille` (a band). A parameter that matches nothing published is named in `problems` and the
 * default is used. Undefined when no edition is published at all.
 */
export function buildOverview(
	editions: readonly ObservedEdition[],
	catalog: Catalog,
	params: URLSearchParams,
	locale: Locale
): Overview | undefined {
	const campaigns = campaignsOf(editions);
	if (campaigns.length === 0) return undefined;
	const problems: Overview['problems'] = [];
	const pick = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
		const value = params.get(name);
		if (value === null || value === '') return fallback;
		if ((allowed as readonly string[]).includes(value)) return value as T;
		problems.push({ name, value: value.slice(0, 40) });
		return fallback;
	};

	const year = Number(
		pick(
			'campagne',
			campaigns.map((c) => String(c.year)),
			String(campaigns[0]!.year)
		)
	);
	const campaign = campaigns.find((c) => c.year === year)!;
	const e = editions.find((x) => x.campaign === year && x.number === campaign.editions[0]!.number)!;
	const index = new EditionIndex(e);

	const ids = [...new Set(catalog.list().map((q) => q.id))].filter((id) => index.pools.has(id));
	const latest = (id: string) => catalog.latest(id)!;
	const questionnaire = pick('questionnaire', ids, ids[0] ?? '');
	const pool = index.pools.get(questionnaire) ?? '';
	const types = publishedTypes(index, pool);
	const type = pick('type', types, types.includes('commune') ? 'commune' : (types[0] ?? 'commune'));
	const bands = publishedBands(index, pool, type);
	const bandParam = pick('taille', [...bands, ''], '');
	const band = bandParam === '' ? null : bandParam;
	const cohort = band ? `${type}/${band}` : type;

	const row = (
		key: string,
		label: Text | null,
		cell: { figures: { overall: Statistic } } | undefined
	) => ({
		key,
		label,
		stat: cell?.figures.overall ?? null
	});
	const q = ids.length > 0 ? latest(questionnaire) : undefined;
	const poolVersions = pool ? parsePoolId(pool).versions : [];

	// Participation: live contributions by questionnaire (the methodology), published counts.
	const contributions = e.methodology.contributions ?? {};
	const byRegion = new Map<string, number>();
	for (const key of index.cohorts(pool)) {
		const c = parseCohortKey(key);
		if (c.region !== undefined)
			byRegion.set(c.region, (byRegion.get(c.region) ?? 0) + index.cell(pool, key)!.n);
	}
	const p = e.methodology.participation;

	const mapBand = band ?? bestMapBand(index, pool, type);
	const themeIds = q ? q.themes.map((t) => t.id) : [];
	return {
		campaigns,
		edition: {
			campaign: e.campaign,
			number: e.number,
			publishedOn: e.publishedOn,
			synthetic: e.synthetic,
			k: e.methodology.k
		},
		problems,
		selection: { questionnaire, type, band },
		options: {
			questionnaires: ids.map((id) => ({ id, label: text(latest(id).title, locale) })),
			types,
			bands
		},
		questionnaire: q ? text(q.title, locale) : { text: questionnaire },
		participation: {
			byQuestionnaire: ids.map((id) => ({
				id,
				label: text(latest(id).title, locale),
				n: Object.values(contributions[id] ?? {}).reduce((a, b) => a + b, 0)
			})),
			invitations: p
				? { issued: p.invitationsIssued, redeemed: p.invitationsRedeemed, rate: p.rate }
				: null,
			byType: types.map((t) => ({ type: t, n: index.cell(pool, t)?.n ?? null })),
			byRegion: Object.keys(regions)
				.sort((a, b) => byName.compare(regions[a]!, regions[b]!))
				.map((r) => ({ region: r, n: byRegion.get(r) ?? null }))
		},
		overallByQuestionnaire: ids.map((id) =>
			row(id, text(latest(id).title, locale), index.cell(index.pools.get(id)!, cohort))
		),
		themes: q
			? [
					row('overall', null, index.cell(pool, cohort)),
					...q.themes.map((t) => ({
						key: t.id,
						label: text(t.title, locale),
						stat: index.cell(pool, cohort)?.figures.themes[t.id] ?? null
					}))
				]
			: [],
		byBand: bands.map((b) => row(b, null, index.cell(pool, `${type}/${b}`))),
		byType: types.map((t) => row(t, null, index.cell(pool, t))),
		map: {
			band: mapBand,
			regions: Object.keys(regions).map((code) => ({
				code,
				stat: mapBand
					? (index.cell(pool, `${type}/${mapBand}/${code}`)?.figures.overall ?? null)
					: null
			}))
		},
		trend: {
			series: [
				{ key: 'overall', label: { text: '' } },
				...(q ? q.themes.map((t) => ({ key: t.id, label: text(t.title, locale) })) : [])
			].filter((s) => s.key === 'overall' || themeIds.includes(s.key)),
			points: trend(editions, questionnaire, poolVersions, cohort)
		}
	};
}

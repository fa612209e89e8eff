import type { Content, ContentTable, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Action } from '../../domain/action-plan.ts';
import type { Obligation } from '../../domain/obligations.ts';
import type { Profile } from '../../domain/profile.ts';
import type { Highlight, Report, ReportRow } from '../../domain/report.ts';
import {
	annexTable,
	cohortTexts,
	dateText,
	explainTexts,
	figuresText,
	globalText,
	HORIZONS,
	horizonText,
	incompleteTexts,
	lawAsOfText,
	lowCoverageText,
	num,
	obligationTable,
	peerNoteText,
	peerPositionText,
	priorityItems,
	priorityTexts,
	radarTexts,
	scoreTable,
	summaryText,
	territoryTypeText,
	text,
	type Locale
} from '../../messages/report.ts';
import { frenchTypography } from '../../messages/typography.ts';
import { m } from '../../paraglide/messages.js';
import { radarGeometry, radarSvg } from '../chart/radar-geometry.ts';
import { radarSeries } from '../results-view.ts';

/**
 * Which PDF: the full diagnostic, marked « Diffusion restreinte » on every page, or the version
 * for wide distribution, without the detail of the sensitive questionnaires (cybersecurity): their
 * global score stays, their themes, answers, comments, obligations and actions do not.
 */
export type PdfVersion = 'restricted' | 'wide';

export interface PdfInput {
	profile: Profile;
	date: Date;
	report: Report;
	locale: Locale;
	/** The full one by default. */
	version?: PdfVersion;
}

const NBSP = '\u00a0';

/**
 * A text as the PDF prints it: French typography first (`frenchTypography`, for every text,
 * catalog, content or typed by the officer), then the standard PDF fonts' limits. They (Helvetica) encode WinAnsi only: French accents, œ, « », €, — and the
 * no-break space U+00A0 are in it, but not the narrow no-break space U+202F (French number
 * formatting, v2 content) nor arrows and maths signs. The narrow one becomes U+00A0, which the
 * line breaker never breaks at either.
 */
export function pdfText(s: string): string {
	return frenchTypography(s)
		.fixed.replace(/[\u202f\u2009]/g, NBSP)
		.replace(/→/g, '->')
		.replace(/←/g, '<-')
		.replace(/≥/g, '>=')
		.replace(/≤/g, '<=')
		.replace(/[−–]/g, '-')
		.replace(/[▲]/g, '+')
		.replace(/[▼]/g, '-')
		.replace(/×/g, 'x')
		.replace(/÷/g, '/')
		.replace(
			/[^\n\u0020-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/g,
			'?'
		);
}

const t = (s: string | number | null | undefined): string =>
	pdfText(s === null || s === undefined ? '—' : String(s));

/** Headings carry `headlineLevel`: `keepHeadings` moves one left alone at a page's foot. */
const h1 = (text: string, id: string, pageBreak = false): Content => ({
	text: t(text),
	style: 'h1',
	outline: true,
	id,
	headlineLevel: 1,
	...(pageBreak ? { pageBreak: 'before' as const } : {})
});
const h2 = (text: string, id: string, parent: string): Content => ({
	text: t(text),
	style: 'h2',
	outline: true,
	id,
	outlineParentId: parent,
	headlineLevel: 2
});
const h3 = (text: string): Content => ({ text: t(text), style: 'h3', headlineLevel: 3 });
/**
 * A heading inside an unbreakable block, which already keeps it with what follows (and whose
 * first, abandoned layout leaves stale positions `keepHeadings` must not read).
 */
const inBlock = (heading: Content): Content =>
	({ ...(heading as object), headlineLevel: undefined }) as Content;

/** A table whose rows never split across pages, its header repeated on each page. */
const table = (
	head: string[],
	body: { cells: string[] }[],
	widths: (string | number)[],
	style = 'table'
): ContentTable => ({
	table: {
		headerRows: 1,
		keepWithHeaderRows: 1,
		dontBreakRows: true,
		widths,
		body: [head.map((h) => ({ text: t(h), style: 'th' })), ...body.map((r) => r.cells.map(t))]
	},
	layout: 'lightHorizontalLines',
	style
});

function scores(rows: readonly ReportRow[], locale: Locale): ContentTable {
	const { head, body, peers } = scoreTable(rows, locale);
	const earlier = head.length > (peers ? 8 : 5);
	const widths = peers ? ['*', 32, 32, 50, 60, 40, 45, 90] : ['*', 40, 40, 60, 80];
	return table(head, body, earlier ? [...widths, 45] : widths);
}

/** « 3 actions … » with the right plural, from a `_one`/`_other` pair of messages. */
type Counted = (i: { count: number; titles: string }, o: { locale: Locale }) => string;
const counted = (one: Counted, other: Counted, count: number, titles: string, locale: Locale) =>
	(count === 1 ? one : other)({ count, titles }, { locale });

/** The PDF diagnostic for the elected officials, as a pdfmake document definition. */
export function diagnosticDocument(d: PdfInput): TDocumentDefinitions {
	const { profile: p, report, locale } = d;
	const wide = d.version === 'wide';
	const o = { locale };
	const tx = (l: Parameters<typeof text>[0]) => text(l, locale);
	const titleOf = (id: string) => {
		const part = report.parts.find((x) => x.questionnaire.id === id);
		return part ? tx(part.questionnaire.title) : id;
	};
	// In the wide version, the sensitive questionnaires keep their global score only.
	const hidden = new Set(
		wide ? report.parts.filter((x) => x.questionnaire.sensitive).map((x) => x.questionnaire.id) : []
	);
	const hiddenTitles = [...hidden].map(titleOf).join(', ');
	const shown = (id: string) => !hidden.has(id);
	const shownObligation = (x: Obligation) =>
		shown(x.questionnaireId) && x.alsoAskedIn.every((a) => shown(a.questionnaireId));
	const shownAction = (a: Action) => shown(a.questionnaireId);

	const highlight = (h: Highlight): Content => {
		const position = h.row.peers?.position;
		return t(
			m.pdf_highlight(
				{
					theme: tx(h.row.title),
					questionnaire: titleOf(h.questionnaireId),
					score: num(h.row.score)
				},
				o
			) + (position ? `, ${peerPositionText(position, locale)}` : '')
		);
	};
	const highlights = (list: readonly Highlight[]): Content => {
		const kept = list.filter((h) => shown(h.questionnaireId));
		return kept.length > 0
			? { ul: kept.map(highlight), margin: [0, 0, 0, 4] }
			: { text: t(m.pdf_highlights_none({}, o)), style: 'small' };
	};
	const label = (s: string) => t(m.pdf_label({ label: s }, o));
	const demoNotice = `${m.report_demo_lead({}, o)} ${m.report_demo_text({}, o)}`;
	const demo: Content[] = report.synthetic ? [{ text: t(demoNotice), style: 'demo' }] : [];

	// Radars, drawn by the page's geometry (three spokes at least; with fewer the table says it
	// all), in the PDF's standard font.
	const legend = Object.fromEntries(
		Object.entries(radarTexts(locale)).map(([k, v]) => [k, t(v)])
	) as ReturnType<typeof radarTexts>;
	const radar = (rows: readonly ReportRow[], width: number): Content[] => {
		const series = radarSeries(rows, locale);
		if (series.labels.length < 3) return [];
		const svg = radarSvg(
			radarGeometry({ ...series, labels: series.labels.map(t) }, legend, {
				width: 560,
				fontSize: 13
			})
		);
		return [{ svg, width, alignment: 'center', margin: [0, 4, 0, 4] }];
	};
	const alternative = (rows: readonly ReportRow[]): Content => ({
		text: t(m.report_chart_values({ summary: summaryText(rows, locale) }, o)),
		style: 'small',
		margin: [0, 0, 0, 6]
	});

	// --- The synthesis, pages 1 and 2 ---
	const incomplete = incompleteTexts(report.completeness, titleOf, locale);
	const explain = explainTexts(locale);
	const labels = priorityTexts(locale);
	const allPriorities = priorityItems(report.priorities, titleOf, locale);
	const keptPriorities = report.priorities.filter(shownAction);
	const priorities = priorityItems(keptPriorities, titleOf, locale);
	const leftOutPriorities = allPriorities.length - priorities.length;
	const cohorts = cohortTexts(report, titleOf, locale);
	const overall = report.parts.map((x) => x.overall);

	const synthesis: Content[] = [
		{
			columns: [
				{
					stack: [
						{ text: t(m.pdf_cover_title({}, o)), style: 'kicker' },
						{
							text: t(p.name),
							style: 'title',
							outline: true,
							id: 'couverture',
							outlineText: t(m.pdf_outline_cover({ name: p.name }, o))
						},
						{
							text: t(
								`${
									p.code
										? m.pdf_territory_code(
												{ type: territoryTypeText(p.type, locale), code: p.code },
												o
											)
										: territoryTypeText(p.type, locale)
								} — ${m.pdf_date({ date: dateText(d.date, locale) }, o)}`
							),
							style: 'subtitle'
						}
					]
				}
			]
		},
		h1(m.pdf_synthesis_title({}, o), 'synthese'),
		...(incomplete
			? [
					{
						table: {
							widths: ['*'],
							body: [
								[
									{
										stack: [
											{ text: t(incomplete.title), style: 'warnTitle' },
											{ text: t(incomplete.text) },
											...(incomplete.missing ? [{ text: t(incomplete.missing) }] : [])
										],
										margin: [6, 4, 6, 4]
									}
								]
							]
						},
						layout: {
							hLineColor: () => '#8d4400',
							vLineColor: () => '#8d4400'
						},
						margin: [0, 0, 0, 8]
					} as Content
				]
			: []),
		{ text: t(globalText(report.global, locale)), style: 'lead' },
		{ text: t(`${explain.score} ${explain.coverage}`), style: 'small', margin: [0, 0, 0, 4] },
		...radar(overall, incomplete ? 260 : 300),
		{ ...scores(overall, locale), style: 'tableSmall' },
		alternative(overall),

		{
			stack: [
				inBlock(h2(labels.title, 'priorites', 'synthese')),
				{ text: t(labels.lead), style: 'small', margin: [0, 0, 0, 4] }
			],
			unbreakable: true
		},
		...(allPriorities.length === 0
			? [{ text: t(labels.none) } as Content]
			: priorities.map((x, i): Content => ({
					stack: [
						{
							text: [
								{ text: t(`${i + 1}. ${x.title}`), bold: true },
								...(x.obligation
									? [{ text: t(` — ${labels.obligation}`), style: 'warnInline' }]
									: []),
								{ text: t(` (${x.questionnaire})`), style: 'small' }
							]
						},
						{ text: [{ text: label(labels.why), bold: true }, t(x.why)] },
						{ text: [{ text: label(labels.firstStep), bold: true }, t(x.firstStep)] }
					],
					unbreakable: true,
					margin: [0, 0, 0, 5]
				}))),
		...(leftOutPriorities > 0
			? [
					{
						text: t(
							counted(
								m.pdf_wide_priorities_one,
								m.pdf_wide_priorities_other,
								leftOutPriorities,
								hiddenTitles,
								locale
							)
						),
						style: 'restricted'
					} as Content
				]
			: []),

		{
			columns: [
				{
					stack: [inBlock(h3(m.pdf_strengths({}, o))), highlights(report.strengths)],
					width: '*'
				},
				{
					stack: [inBlock(h3(m.pdf_weaknesses({}, o))), highlights(report.weaknesses)],
					width: '*'
				}
			],
			columnGap: 16,
			unbreakable: true
		},
		...(hidden.size > 0
			? [
					{
						text: t(m.pdf_wide_synthesis({ titles: hiddenTitles }, o)),
						style: 'restricted'
					} as Content
				]
			: []),
		...(cohorts.lines.length > 0
			? [
					{
						stack: [
							inBlock(h3(m.pdf_peers_title({}, o))),
							{ ul: cohorts.lines.map(t) },
							...(cohorts.differ ? [{ text: t(cohorts.differ), style: 'small' }] : [])
						],
						unbreakable: true
					} as Content
				]
			: []),
		{
			stack: [
				inBlock(h3(m.pdf_questionnaires({}, o))),
				{
					ul: report.parts.map((x) => {
						const item = m.pdf_questionnaire_item(
							{ title: tx(x.questionnaire.title), version: x.questionnaire.version },
							o
						);
						// « État du droit au … » from version 2 on: the date the law was checked.
						const law = lawAsOfText(x.questionnaire, locale);
						return t(law ? `${item} — ${law}` : item);
					})
				}
			],
			unbreakable: true
		},
		...demo
	];

	// --- The detail ---
	const obligations = report.obligations.filter(shownObligation);
	const leftOutObligations = report.obligations.length - obligations.length;
	const obligationRows = obligationTable(obligations, titleOf, locale);
	const plan = report.plan.filter(shownAction);
	const leftOutActions = report.plan.length - plan.length;

	const detail: Content[] = [
		// The synthesis is the first pages alone: they can be printed apart.
		h1(m.pdf_detail_title({}, o), 'detail', true),
		{ text: t(explain.level), style: 'small' },
		{ text: t(`${explain.target} ${explain.peers}`), style: 'small', margin: [0, 0, 0, 6] },
		...report.parts.flatMap((x): Content[] => {
			const id = x.questionnaire.id;
			const head: Content[] = [
				inBlock(h2(tx(x.questionnaire.title), `detail-${id}`, 'detail')),
				{ text: t(figuresText(x.overall, locale)), bold: true },
				...(x.overall.lowCoverage
					? [{ text: t(lowCoverageText(locale)), style: 'warn' } as Content]
					: [])
			];
			if (!shown(id))
				return [
					{
						stack: [...head, { text: t(m.pdf_wide_detail({}, o)), style: 'restricted' }],
						unbreakable: true
					}
				];
			return [
				// Heading, figures and radar on one page; the table follows, row by row.
				{
					stack: [
						...head,
						{ text: t(peerNoteText(x.benchmark, locale)), style: 'small' },
						...radar(x.themes, 330)
					],
					unbreakable: true
				},
				scores(x.themes, locale),
				alternative(x.themes)
			];
		}),

		h1(m.report_obligations_title({}, o), 'obligations'),
		obligations.length === 0
			? { text: t(m.report_obligations_none({}, o)) }
			: table(obligationRows.head, obligationRows.body, ['*', 100, 80, 70]),
		...(leftOutObligations > 0
			? [
					{
						text: t(
							counted(
								m.pdf_wide_obligations_one,
								m.pdf_wide_obligations_other,
								leftOutObligations,
								hiddenTitles,
								locale
							)
						),
						style: 'restricted'
					} as Content
				]
			: []),

		h1(m.report_plan_title({}, o), 'plan'),
		...(leftOutActions > 0
			? [
					{
						text: t(
							counted(
								m.pdf_wide_actions_one,
								m.pdf_wide_actions_other,
								leftOutActions,
								hiddenTitles,
								locale
							)
						),
						style: 'restricted'
					} as Content
				]
			: []),
		...HORIZONS.flatMap((horizon): Content[] => {
			const group = plan.filter((a) => a.horizon === horizon);
			if (group.length === 0) return [];
			const item = (a: Action, i: number): Content => ({
				stack: [
					{
						text: t(
							`${i + 1}. ${tx(a.recommendation.title)}` +
								(a.obligation ? ` — ${m.plan_obligation_badge({}, o)}` : '')
						),
						bold: true
					},
					{
						text: t(`${titleOf(a.questionnaireId)} — ${tx(a.question.text)}`),
						style: 'small'
					},
					{ text: [{ text: t(`${m.plan_why({}, o)} `), bold: true }, t(tx(a.recommendation.why))] },
					{ text: [{ text: t(`${m.plan_how({}, o)} `), bold: true }, t(tx(a.recommendation.how))] },
					...a.recommendation.links.map((l) => ({
						text: t(m.plan_link({ label: tx(l.label), url: l.url }, o)),
						style: 'small',
						link: l.url
					}))
				],
				unbreakable: true,
				margin: [0, 0, 0, 6]
			});
			const [first, ...rest] = group.map(item);
			return [
				// The horizon's heading stays with its first action.
				{
					stack: [
						inBlock(
							h2(
								m.plan_horizon_heading(
									{ horizon: horizonText(horizon, locale), count: group.length },
									o
								),
								`plan-${horizon}`,
								'plan'
							)
						),
						first!
					],
					unbreakable: true
				},
				...rest
			];
		}),

		h1(m.pdf_annex_title({}, o), 'annexe'),
		...report.parts.flatMap((x): Content[] => {
			const id = x.questionnaire.id;
			if (!shown(id))
				return [
					{
						stack: [
							inBlock(h2(tx(x.questionnaire.title), `annexe-${id}`, 'annexe')),
							{ text: t(m.pdf_wide_detail({}, o)), style: 'restricted' }
						],
						unbreakable: true
					}
				];
			const annex = annexTable(x, locale);
			return [
				h2(tx(x.questionnaire.title), `annexe-${id}`, 'annexe'),
				table(annex.head, annex.body, ['*', 120, 30, 110])
			];
		}),

		h1(m.pdf_methodology_title({}, o), 'methodologie'),
		...methodology(report, wide, locale)
	];

	const mark = t(wide ? m.pdf_mark_wide({}, o) : m.pdf_mark_restricted({}, o));
	return {
		info: {
			title: pdfText(m.pdf_document_title({ name: p.name }, o)),
			author: 'Numériscope',
			subject: pdfText(m.pdf_cover_title({}, o)),
			keywords: mark
		},
		pageSize: 'A4',
		pageMargins: [40, 46, 40, 46],
		defaultStyle: { font: 'Helvetica', fontSize: 10, lineHeight: 1.15 },
		header: () => ({
			text: mark,
			alignment: 'right',
			fontSize: 8,
			bold: !wide,
			color: wide ? '#3a3a3a' : '#8d4400',
			margin: [40, 20, 40, 0]
		}),
		footer: (page, count) => ({
			text: pdfText(m.pdf_footer({ name: p.name, page, count }, o)),
			alignment: 'center',
			fontSize: 8,
			margin: [0, 16, 0, 0]
		}),
		content: [...synthesis, ...detail],
		pageBreakBefore: keepHeadings,
		styles: {
			kicker: { fontSize: 11, color: '#000091', bold: true },
			title: { fontSize: 20, bold: true, margin: [0, 2, 0, 2] },
			subtitle: { fontSize: 10, color: '#3a3a3a', margin: [0, 0, 0, 10] },
			h1: { fontSize: 16, bold: true, color: '#000091', margin: [0, 6, 0, 8] },
			h2: { fontSize: 13, bold: true, margin: [0, 10, 0, 4] },
			h3: { fontSize: 11, bold: true, margin: [0, 6, 0, 3] },
			lead: { fontSize: 11.5, margin: [0, 0, 0, 4] },
			th: { bold: true },
			table: { margin: [0, 4, 0, 8], fontSize: 9 },
			tableSmall: { margin: [0, 2, 0, 4], fontSize: 8.5 },
			small: { fontSize: 8, color: '#3a3a3a' },
			warn: { color: '#8d4400', bold: true },
			warnTitle: { color: '#8d4400', bold: true, fontSize: 12 },
			warnInline: { color: '#8d4400', bold: true },
			restricted: { color: '#3a3a3a', italics: true, margin: [0, 2, 0, 6] },
			demo: { color: '#8d4400', bold: true, margin: [0, 8, 0, 0] }
		}
	};
}

interface NodeInfo {
	id?: string;
	headlineLevel?: number;
	pageNumbers: number[];
	startPosition: { pageNumber: number; verticalRatio?: number };
}
interface NodeQueries {
	getFollowingNodesOnPage: () => NodeInfo[];
}

/**
 * A heading left alone at a page's foot moves to the next page with what it heads. Decided once
 * laid out, and each `true` lays the whole document out again: only for these rare cases.
 */
function keepHeadings(node: NodeInfo, queries: NodeQueries): boolean {
	if (!node.headlineLevel) return false;
	// In the page's last tenth, or what comes next starts on a later page (an unbreakable block
	// moved on; a table moved with its first row may keep a stale position, hence the tenth).
	if ((node.startPosition.verticalRatio ?? 0) > 0.9) return true;
	const next = queries.getFollowingNodesOnPage()[0];
	return next === undefined || next.startPosition.pageNumber > node.startPosition.pageNumber;
}

function methodology(report: Report, wide: boolean, locale: Locale): Content[] {
	const o = { locale };
	const bs = report.parts.flatMap((p) => (p.benchmark ? [p.benchmark] : []));
	const k = bs[0]?.k ?? 5;
	const campaign = bs.map((b) => b.campaign).find((c) => c !== null);
	const sensitive = report.parts
		.filter((p) => p.questionnaire.sensitive)
		.map((p) => text(p.questionnaire.title, locale))
		.join(', ');
	return [
		h3(m.pdf_method_scores_title({}, o)),
		{ text: t(m.pdf_method_scores({}, o)) },
		h3(m.pdf_method_peers_title({}, o)),
		{
			text: t(
				m.pdf_method_peers({ k }, o) +
					(bs.length > 0
						? ` ${m.pdf_method_vintage({ campaign: campaign ?? m.pdf_method_vintage_unknown({}, o) }, o)}`
						: '')
			)
		},
		...(report.synthetic ? [{ text: t(m.pdf_method_demo({}, o)), style: 'demo' } as Content] : []),
		h3(m.pdf_method_versions_title({}, o)),
		{
			text: t(
				`${m.pdf_method_versions({}, o)} ${
					wide ? m.pdf_method_version_wide({}, o) : m.pdf_method_version_restricted({}, o)
				}${sensitive ? ` ${m.pdf_method_versions_sensitive({ titles: sensitive }, o)}` : ''}`
			)
		},
		h3(m.pdf_method_privacy_title({}, o)),
		{ text: t(m.pdf_method_privacy({}, o)) }
	];
}

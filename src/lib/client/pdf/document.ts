import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Profile } from '../../domain/profile.ts';
import type { Report, ReportRow } from '../../domain/report.ts';
import {
	annexTable,
	dateText,
	figuresText,
	globalText,
	HORIZONS,
	horizonText,
	lawAsOfText,
	lowCoverageText,
	num,
	obligationTable,
	peerNoteText,
	radarTexts,
	radarTitle,
	scoreTable,
	summaryText,
	territoryTypeText,
	text,
	type Locale
} from '../../messages/report.ts';
import { m } from '../../paraglide/messages.js';
import { radarGeometry, radarSvg } from '../chart/radar-geometry.ts';
import { radars } from '../results-view.ts';

export interface PdfInput {
	profile: Profile;
	date: Date;
	report: Report;
	locale: Locale;
}

/**
 * The standard PDF fonts (Helvetica) encode WinAnsi only: French accents, œ, « », €, — are in it,
 * but not the narrow no-break space of French number formatting nor arrows and maths signs.
 */
export function pdfText(s: string): string {
	return s
		.replace(/[\u202f\u00a0\u2009]/g, ' ')
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
const h1 = (text: string, id: string): Content => ({
	text: t(text),
	style: 'h1',
	outline: true,
	id,
	pageBreak: 'before'
});
const h2 = (text: string, id: string, parent: string): Content => ({
	text: t(text),
	style: 'h2',
	outline: true,
	id,
	outlineParentId: parent
});
const table = (
	head: string[],
	body: { cells: string[] }[],
	widths: (string | number)[]
): Content => ({
	table: {
		headerRows: 1,
		widths,
		body: [head.map((h) => ({ text: t(h), style: 'th' })), ...body.map((r) => r.cells.map(t))]
	},
	layout: 'lightHorizontalLines',
	style: 'table'
});

function scores(rows: ReportRow[], locale: Locale): Content {
	const { head, body, peers } = scoreTable(rows, locale);
	const earlier = head.length > (peers ? 8 : 5);
	const widths = peers ? ['*', 32, 32, 50, 60, 40, 45, 90] : ['*', 40, 40, 60, 80];
	return table(head, body, earlier ? [...widths, 45] : widths);
}

/** The PDF diagnostic for the elected officials, as a pdfmake document definition. */
export function diagnosticDocument(d: PdfInput): TDocumentDefinitions {
	const { profile: p, report, locale } = d;
	const o = { locale };
	const tx = (l: Parameters<typeof text>[0]) => text(l, locale);
	const titleOf = (id: string) => {
		const part = report.parts.find((x) => x.questionnaire.id === id);
		return part ? tx(part.questionnaire.title) : id;
	};
	const highlight = (h: Report['strengths'][number]) =>
		t(
			m.pdf_highlight(
				{
					theme: tx(h.row.title),
					questionnaire: titleOf(h.questionnaireId),
					score: num(h.row.score)
				},
				o
			)
		);
	const demoNotice = `${m.report_demo_lead({}, o)} ${m.report_demo_text({}, o)}`;
	const demo: Content[] = report.synthetic ? [{ text: t(demoNotice), style: 'demo' }] : [];
	const obligations = obligationTable(report.obligations, titleOf, locale);
	// The page's radars, drawn by the same geometry (a radar needs three spokes; with fewer the
	// table says it all), in the PDF's standard font.
	const legend = Object.fromEntries(
		Object.entries(radarTexts(locale)).map(([k, v]) => [k, t(v)])
	) as ReturnType<typeof radarTexts>;
	const svgs = Object.fromEntries(
		radars(report, locale)
			.filter((r) => r.series.labels.length >= 3)
			.map((r) => [
				r.id,
				radarSvg(
					radarGeometry({ ...r.series, labels: r.series.labels.map(t) }, legend, {
						width: 560,
						fontSize: 13
					})
				)
			])
	);

	const content: Content[] = [
		{ text: t(m.pdf_cover_title({}, o)), style: 'cover', margin: [0, 120, 0, 20] },
		{
			text: t(p.name),
			style: 'coverName',
			outline: true,
			id: 'couverture',
			outlineText: t(m.pdf_outline_cover({ name: p.name }, o))
		},
		{
			text: t(
				p.code
					? m.pdf_territory_code({ type: territoryTypeText(p.type, locale), code: p.code }, o)
					: territoryTypeText(p.type, locale)
			),
			style: 'coverSub'
		},
		{ text: t(m.pdf_date({ date: dateText(d.date, locale) }, o)), style: 'coverSub' },
		{ text: t(m.pdf_questionnaires({}, o)), style: 'coverSub', margin: [0, 20, 0, 4] },
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
		},
		...demo,

		h1(m.pdf_synthesis_title({}, o), 'synthese'),
		{ text: t(globalText(report.global, locale)), style: 'lead' },
		{ text: t(m.pdf_strengths({}, o)), style: 'h3' },
		{ ul: report.strengths.map(highlight) },
		{ text: t(m.pdf_weaknesses({}, o)), style: 'h3' },
		{ ul: report.weaknesses.map(highlight) },
		{ text: t(m.pdf_top_actions({}, o)), style: 'h3' },
		{
			ol: report.plan
				.slice(0, 5)
				.map((a) =>
					t(
						(a.obligation ? m.plan_item_obligation : m.plan_item)(
							{ title: tx(a.recommendation.title), questionnaire: titleOf(a.questionnaireId) },
							o
						)
					)
				)
		},

		h1(m.pdf_radars_title({}, o), 'radars'),
		...radar(
			svgs['global'],
			radarTitle(null, locale),
			summaryText(
				report.parts.map((x) => x.overall),
				locale
			),
			'radar-global',
			locale
		),
		...report.parts.flatMap((x) =>
			radar(
				svgs[x.questionnaire.id],
				radarTitle(tx(x.questionnaire.title), locale),
				summaryText(x.themes, locale),
				`radar-${x.questionnaire.id}`,
				locale
			)
		),

		h1(m.pdf_scores_title({}, o), 'scores'),
		scores(
			report.parts.map((x) => x.overall),
			locale
		),
		...report.parts.flatMap((x): Content[] => [
			h2(tx(x.questionnaire.title), `scores-${x.questionnaire.id}`, 'scores'),
			{ text: t(figuresText(x.overall, locale)) },
			...(x.overall.lowCoverage
				? [{ text: t(lowCoverageText(locale)), style: 'warn' } as Content]
				: []),
			{ text: t(peerNoteText(x.benchmark, locale)), style: 'small' },
			scores(x.themes, locale)
		]),

		h1(m.report_obligations_title({}, o), 'obligations'),
		report.obligations.length === 0
			? { text: t(m.report_obligations_none({}, o)) }
			: table(obligations.head, obligations.body, ['*', 100, 80, 70]),

		h1(m.report_plan_title({}, o), 'plan'),
		...HORIZONS.flatMap((horizon): Content[] => {
			const group = report.plan.filter((a) => a.horizon === horizon);
			if (group.length === 0) return [];
			return [
				h2(
					m.plan_horizon_heading({ horizon: horizonText(horizon, locale), count: group.length }, o),
					`plan-${horizon}`,
					'plan'
				),
				{
					ol: group.map((a) => ({
						stack: [
							{
								text: t(
									tx(a.recommendation.title) +
										(a.obligation ? ` — ${m.plan_obligation_badge({}, o)}` : '')
								),
								bold: true
							},
							{
								text: t(`${titleOf(a.questionnaireId)} — ${tx(a.question.text)}`),
								style: 'small'
							},
							{ text: t(`${m.plan_why({}, o)} ${tx(a.recommendation.why)}`) },
							{ text: t(`${m.plan_how({}, o)} ${tx(a.recommendation.how)}`) },
							...a.recommendation.links.map((l) => ({
								text: t(m.plan_link({ label: tx(l.label), url: l.url }, o)),
								style: 'small',
								link: l.url
							}))
						],
						margin: [0, 0, 0, 6]
					}))
				}
			];
		}),

		h1(m.pdf_annex_title({}, o), 'annexe'),
		...report.parts.flatMap((x): Content[] => {
			const annex = annexTable(x, locale);
			return [
				h2(tx(x.questionnaire.title), `annexe-${x.questionnaire.id}`, 'annexe'),
				table(annex.head, annex.body, ['*', 120, 30, 110])
			];
		}),

		h1(m.pdf_methodology_title({}, o), 'methodologie'),
		...methodology(report, locale)
	];

	return {
		info: {
			title: pdfText(m.pdf_document_title({ name: p.name }, o)),
			author: 'Numériscope',
			subject: pdfText(m.pdf_cover_title({}, o))
		},
		pageSize: 'A4',
		pageMargins: [40, 50, 40, 50],
		defaultStyle: { font: 'Helvetica', fontSize: 10, lineHeight: 1.2 },
		footer: (page, count) => ({
			text: pdfText(m.pdf_footer({ name: p.name, page, count }, o)),
			alignment: 'center',
			fontSize: 8,
			margin: [0, 20, 0, 0]
		}),
		content,
		styles: {
			cover: { fontSize: 26, bold: true, color: '#000091' },
			coverName: { fontSize: 20, bold: true, margin: [0, 0, 0, 8] },
			coverSub: { fontSize: 12 },
			h1: { fontSize: 18, bold: true, color: '#000091', margin: [0, 0, 0, 10] },
			h2: { fontSize: 13, bold: true, margin: [0, 12, 0, 6] },
			h3: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] },
			lead: { fontSize: 12, margin: [0, 0, 0, 8] },
			th: { bold: true },
			table: { margin: [0, 4, 0, 10], fontSize: 9 },
			small: { fontSize: 8, color: '#3a3a3a' },
			warn: { color: '#8d4400', bold: true },
			demo: { color: '#8d4400', bold: true, margin: [0, 20, 0, 0] }
		}
	};
}

function radar(
	svg: string | undefined,
	title: string,
	summary: string,
	id: string,
	locale: Locale
): Content[] {
	// Heading, radar and its text alternative (in the document itself) stay on one page.
	return [
		{
			stack: [
				h2(title, id, 'radars'),
				...(svg ? [{ svg, width: 440, alignment: 'center' } as Content] : []),
				{
					text: t(m.report_chart_values({ summary }, { locale })),
					style: 'small',
					margin: [0, 4, 0, 12]
				}
			],
			unbreakable: true
		}
	];
}

function methodology(report: Report, locale: Locale): Content[] {
	const o = { locale };
	const bs = report.parts.flatMap((p) => (p.benchmark ? [p.benchmark] : []));
	const k = bs[0]?.k ?? 5;
	const campaign = bs.map((b) => b.campaign).find((c) => c !== null);
	return [
		{ text: t(m.pdf_method_scores_title({}, o)), style: 'h3' },
		{ text: t(m.pdf_method_scores({}, o)) },
		{ text: t(m.pdf_method_peers_title({}, o)), style: 'h3' },
		{
			text: t(
				m.pdf_method_peers({ k }, o) +
					(bs.length > 0
						? ` ${m.pdf_method_vintage({ campaign: campaign ?? m.pdf_method_vintage_unknown({}, o) }, o)}`
						: '')
			)
		},
		...(report.synthetic ? [{ text: t(m.pdf_method_demo({}, o)), style: 'demo' } as Content] : []),
		{ text: t(m.pdf_method_privacy_title({}, o)), style: 'h3' },
		{ text: t(m.pdf_method_privacy({}, o)) }
	];
}

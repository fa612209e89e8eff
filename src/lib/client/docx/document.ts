/**
 * The editable report (DOCX): the synthesis and the action plan, for the officer to adapt before
 * the council. Every text comes from `src/lib/messages/report.ts` (the page's and the PDF's
 * texts), laid out with Word's own parts: Heading 1/2 styles (the navigation pane), real lists,
 * real tables, the document's language, a « Diffusion restreinte » header when it holds
 * cybersecurity detail.
 */
import {
	AlignmentType,
	Document,
	Footer,
	Header,
	HeadingLevel,
	LevelFormat,
	PageNumber,
	Paragraph,
	ShadingType,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType,
	type ParagraphChild
} from 'docx';
import type { Profile } from '../../domain/profile.ts';
import type { Report, ReportRow } from '../../domain/report.ts';
import type { Localized } from '../../domain/text.ts';
import {
	cohortTexts,
	dateText,
	effortImpactText,
	explainTexts,
	figuresText,
	firstSentence,
	globalText,
	HORIZONS,
	horizonText,
	incompleteTexts,
	langOf,
	lawAsOfText,
	lowCoverageText,
	num,
	obligationTable,
	peerNoteText,
	priorityItems,
	priorityTexts,
	scoreTable,
	territoryTypeText,
	text,
	type Locale
} from '../../messages/report.ts';
import { m } from '../../paraglide/messages.js';

export interface DocxInput {
	profile: Profile;
	date: Date;
	report: Report;
	locale: Locale;
}

/** The document's language, as Word and LibreOffice spell it (spelling, hyphenation, voice). */
export const docxLanguage = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'fr-FR');

/** The questionnaires whose detail is sensitive (cybersecurity) and are in the report. */
export const restricted = (report: Report) => report.parts.some((p) => p.questionnaire.sensitive);

const FONT = 'Arial';
const BLUE = '000091';
const WARN = '8D4400';
const PRIORITIES = 'priorities';

/** A run in French inside an English document, when the questionnaire text is not translated. */
const run = (s: string, o: { bold?: boolean; lang?: 'fr' | undefined; color?: string } = {}) =>
	new TextRun({
		text: s,
		...(o.bold ? { bold: true } : {}),
		...(o.color ? { color: o.color } : {}),
		...(o.lang ? { language: { value: 'fr-FR' } } : {})
	});

const para = (children: ParagraphChild[] | string, extra: { style?: string } = {}) =>
	new Paragraph({
		children: typeof children === 'string' ? [run(children)] : children,
		...extra
	});

const h1 = (s: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(s)] });
const h2 = (s: string, lang?: 'fr') =>
	new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run(s, { lang })] });
const bullet = (children: ParagraphChild[] | string) =>
	new Paragraph({
		bullet: { level: 0 },
		children: typeof children === 'string' ? [run(children)] : children
	});
const warning = (s: string, bold = false) => para([run(s, { bold, color: WARN })]);

/** "Pourquoi : …" with the label in bold (the message starts with its label in both languages). */
function labelled(label: string, value: string, locale: Locale, lang?: 'fr'): ParagraphChild[] {
	const full = m.docx_labelled({ label, text: value }, { locale });
	const head = full.slice(0, full.length - value.length);
	return [run(head, { bold: true }), run(value, { lang })];
}

/** A real Word table: a header row repeated on each page, rows never split across pages. */
function table(
	head: string[],
	body: { cells: string[]; lang?: 'fr' | undefined; langs?: ('fr' | undefined)[] }[],
	widths?: number[]
): Table {
	const cell = (s: string, i: number, o: { header?: boolean; lang?: 'fr' | undefined } = {}) =>
		new TableCell({
			children: [new Paragraph({ children: [run(s, { bold: o.header, lang: o.lang })] })],
			...(widths ? { width: { size: widths[i]!, type: WidthType.PERCENTAGE } } : {}),
			...(o.header ? { shading: { type: ShadingType.CLEAR, fill: 'E3E3FD', color: 'auto' } } : {})
		});
	return new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		rows: [
			new TableRow({
				tableHeader: true,
				cantSplit: true,
				children: head.map((h, i) => cell(h, i, { header: true }))
			}),
			...body.map(
				(r) =>
					new TableRow({
						cantSplit: true,
						// The first cell is the questionnaire's text (French when untranslated).
						children: r.cells.map((c, i) =>
							cell(c, i, { lang: r.langs?.[i] ?? (i === 0 ? r.lang : undefined) })
						)
					})
			)
		]
	});
}

/** A blank line after a table (Word glues the next heading to it otherwise). */
const gap = () => new Paragraph({ children: [] });

function scores(rows: readonly ReportRow[], locale: Locale): Table {
	const { head, body } = scoreTable(rows, locale);
	return table(head, body);
}

/** The editable report of a diagnostic, as a `docx` Document (packed by `generate.ts`). */
export function reportDocument(d: DocxInput): Document {
	const { profile: p, report, locale } = d;
	const o = { locale };
	const tx = (l: Localized) => text(l, locale);
	const lg = (l: Localized) => langOf(l, locale);
	const titleOf = (id: string) => {
		const part = report.parts.find((x) => x.questionnaire.id === id);
		return part ? tx(part.questionnaire.title) : id;
	};
	const labels = priorityTexts(locale);
	const incomplete = incompleteTexts(report.completeness, titleOf, locale);
	const cohorts = cohortTexts(report, titleOf, locale);
	const explain = explainTexts(locale);
	const obligations = obligationTable(report.obligations, titleOf, locale);
	const highlight = (h: Report['strengths'][number]) =>
		bullet([
			run(
				m.pdf_highlight(
					{
						theme: tx(h.row.title),
						questionnaire: titleOf(h.questionnaireId),
						score: num(h.row.score)
					},
					o
				),
				{ lang: lg(h.row.title) }
			)
		]);
	const highlights = (title: string, list: Report['strengths']) => [
		h2(title),
		...(list.length > 0 ? list.map(highlight) : [para(m.docx_highlights_none({}, o))])
	];

	const cover = [
		new Paragraph({
			heading: HeadingLevel.TITLE,
			children: [run(m.pdf_document_title({ name: p.name }, o))]
		}),
		para(
			p.code
				? m.pdf_territory_code({ type: territoryTypeText(p.type, locale), code: p.code }, o)
				: territoryTypeText(p.type, locale)
		),
		para(m.pdf_date({ date: dateText(d.date, locale) }, o)),
		para(m.docx_lead({}, o)),
		para([run(m.pdf_questionnaires({}, o), { bold: true })]),
		...report.parts.map((x) => {
			const item = m.pdf_questionnaire_item(
				{ title: tx(x.questionnaire.title), version: x.questionnaire.version },
				o
			);
			// « État du droit au … » from version 2 on: the date the law was checked.
			const law = lawAsOfText(x.questionnaire, locale);
			return bullet(law ? `${item} — ${law}` : item);
		}),
		...(report.synthetic
			? [
					para([
						run(m.report_demo_lead({}, o), { bold: true, color: WARN }),
						run(` ${m.report_demo_text({}, o)}`, { color: WARN })
					])
				]
			: [])
	];

	const priorities = priorityItems(report.priorities, titleOf, locale);
	const synthesis = [
		h1(m.docx_synthesis_title({}, o)),
		para([run(globalText(report.global, locale), { bold: true })]),
		...(incomplete
			? [
					warning(incomplete.title, true),
					warning(incomplete.text),
					...(incomplete.missing ? [warning(incomplete.missing)] : [])
				]
			: []),
		h2(labels.title),
		...(priorities.length === 0
			? [para(labels.none)]
			: [
					para(labels.lead),
					...priorities.flatMap((x) => [
						new Paragraph({
							numbering: { reference: PRIORITIES, level: 0 },
							keepNext: true,
							children: [
								run(x.title, { bold: true, lang: x.lang }),
								...(x.obligation ? [run(` — ${labels.obligation}`, { color: WARN })] : []),
								run(` (${x.questionnaire}, ${horizonText(x.horizon, locale)})`)
							]
						}),
						new Paragraph({
							indent: { left: 720 },
							keepNext: true,
							children: labelled(labels.why, x.why, locale, x.lang)
						}),
						new Paragraph({
							indent: { left: 720 },
							spacing: { after: 120 },
							children: labelled(labels.firstStep, x.firstStep, locale, x.lang)
						})
					])
				]),
		...highlights(m.pdf_strengths({}, o), report.strengths),
		...highlights(m.pdf_weaknesses({}, o), report.weaknesses),
		...(cohorts.lines.length > 0
			? [
					h2(m.docx_cohorts_title({}, o)),
					...cohorts.lines.map((l) => bullet(l)),
					...(cohorts.differ ? [warning(cohorts.differ)] : [])
				]
			: []),
		h2(m.docx_explain_title({}, o)),
		bullet(explain.score),
		bullet(explain.level),
		bullet(explain.coverage),
		bullet(explain.target),
		...(report.withPeers ? [bullet(explain.peers)] : [])
	];

	const scoreSection = [
		h1(m.docx_scores_title({}, o)),
		scores(
			report.parts.map((x) => x.overall),
			locale
		),
		...report.parts.flatMap((x) => [
			h2(tx(x.questionnaire.title), lg(x.questionnaire.title)),
			para(figuresText(x.overall, locale)),
			...(x.overall.lowCoverage ? [warning(lowCoverageText(locale), true)] : []),
			para(peerNoteText(x.benchmark, locale)),
			scores(x.themes, locale),
			gap()
		])
	];

	const obligationSection = [
		h1(m.report_obligations_title({}, o)),
		report.obligations.length === 0
			? para(m.report_obligations_none({}, o))
			: table(obligations.head, obligations.body, [40, 25, 20, 15]),
		gap()
	];

	const planHead = [
		m.docx_col_action({}, o),
		labels.why,
		labels.firstStep,
		m.docx_col_effort({}, o),
		m.docx_col_horizon({}, o)
	];
	const planSection = [
		h1(m.report_plan_title({}, o)),
		...(report.plan.length === 0 ? [para(m.plan_none({}, o))] : []),
		...HORIZONS.flatMap((horizon) => {
			const group = report.plan.filter((a) => a.horizon === horizon);
			if (group.length === 0) return [];
			return [
				h2(
					m.plan_horizon_heading({ horizon: horizonText(horizon, locale), count: group.length }, o)
				),
				table(
					planHead,
					group.map((a) => {
						const lang = lg(a.recommendation.title);
						const title =
							tx(a.recommendation.title) +
							(a.obligation ? ` — ${m.plan_obligation_badge({}, o)}` : '') +
							` (${titleOf(a.questionnaireId)})`;
						const when = horizonText(a.horizon, locale);
						return {
							langs: [lang, lg(a.recommendation.why), lg(a.recommendation.how)],
							cells: [
								title,
								tx(a.recommendation.why),
								firstSentence(tx(a.recommendation.how)),
								effortImpactText(a, locale),
								a.deferred ? m.docx_horizon_deferred({ horizon: when }, o) : when
							]
						};
					}),
					[26, 30, 24, 10, 10]
				),
				gap()
			];
		})
	];

	// The footer's page number is a field Word and LibreOffice fill in.
	const [before, after] = m.docx_footer({ name: p.name, page: '\u0000' }, o).split('\u0000');
	const language = docxLanguage(locale);
	return new Document({
		title: m.pdf_document_title({ name: p.name }, o),
		subject: m.pdf_cover_title({}, o),
		creator: 'Numériscope',
		styles: {
			default: {
				document: {
					run: { font: FONT, size: 22, language: { value: language } },
					paragraph: { spacing: { after: 80, line: 276 } }
				},
				title: { run: { font: FONT, size: 40, bold: true, color: BLUE } },
				heading1: {
					run: { font: FONT, size: 32, bold: true, color: BLUE },
					paragraph: { spacing: { before: 360, after: 160 }, keepNext: true, keepLines: true }
				},
				heading2: {
					run: { font: FONT, size: 26, bold: true, color: '161616' },
					paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true }
				}
			}
		},
		numbering: {
			config: [
				{
					reference: PRIORITIES,
					levels: [
						{
							level: 0,
							format: LevelFormat.DECIMAL,
							text: '%1.',
							alignment: AlignmentType.START,
							style: { paragraph: { indent: { left: 720, hanging: 360 } } }
						}
					]
				}
			]
		},
		sections: [
			{
				...(restricted(report)
					? {
							headers: {
								default: new Header({
									children: [
										new Paragraph({
											alignment: AlignmentType.CENTER,
											children: [run(m.docx_restricted({}, o), { bold: true, color: WARN })]
										})
									]
								})
							}
						}
					: {}),
				footers: {
					default: new Footer({
						children: [
							new Paragraph({
								alignment: AlignmentType.CENTER,
								children: [
									new TextRun({
										size: 16,
										children: [before ?? '', PageNumber.CURRENT, after ?? '']
									})
								]
							})
						]
					})
				},
				children: [...cover, ...synthesis, ...scoreSection, ...obligationSection, ...planSection]
			}
		]
	});
}

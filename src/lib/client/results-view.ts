import type { Statistic } from '../domain/benchmark.ts';
import { localize } from '../domain/localize.ts';
import { peerPosition, peerPositionLabels } from '../domain/peer-position.ts';
import type { ScoreSummary } from '../domain/scoring.ts';
import type { RadarSeries } from './chart/radar-config.ts';
import type { Results } from './state/results.svelte.ts';

export interface ViewRow {
	label: string;
	score: number | null;
	target: number | null;
	coverage?: number | null;
	level?: string;
	median?: number | null;
	band?: string;
	position?: string;
	earlier?: number | null;
}

const round = (x: number | null | undefined) =>
	x === null || x === undefined ? '—' : String(Math.round(x));

/** Everything the results page and the PDF show, computed once from the results. */
export function resultsView(results: Results) {
	const peer = (score: number | null, s: Statistic | undefined | null) =>
		s
			? {
					median: s.p50,
					band: `${Math.round(s.p25)}–${Math.round(s.p75)}`,
					position: score === null ? '—' : peerPositionLabels[peerPosition(score, s)]
				}
			: {};
	const earlierOf = (qid: string) => results.progress?.find((p) => p.questionnaireId === qid);
	const summaryLine = (rows: ViewRow[]) =>
		rows.map((r) => `${r.label} ${round(r.score)}`).join(', ');
	const questionnaires = results.parts.map(({ questionnaire: q, scores }) => {
		const b = results.benchmarks[q.id];
		const progress = earlierOf(q.id);
		const rows: ViewRow[] = q.themes.map((t) => {
			const s = scores.themes[t.id]!;
			return {
				label: localize(t.title),
				score: s.score,
				target: s.target,
				coverage: s.coverage,
				level: s.level ? localize(s.level.label) : '—',
				...(b ? peer(s.score, b.themes[t.id]) : {}),
				...(progress
					? { earlier: progress.themes.find((x) => x.themeId === t.id)?.before ?? null }
					: {})
			};
		});
		const series: RadarSeries = {
			labels: rows.map((r) => r.label),
			score: rows.map((r) => r.score),
			target: rows.map((r) => r.target),
			...(b?.overall
				? {
						peers: {
							p25: q.themes.map((t) => b.themes[t.id]?.p25 ?? null),
							p50: q.themes.map((t) => b.themes[t.id]?.p50 ?? null),
							p75: q.themes.map((t) => b.themes[t.id]?.p75 ?? null)
						}
					}
				: {}),
			...(progress ? { earlier: rows.map((r) => r.earlier ?? null) } : {})
		};
		return {
			id: q.id,
			version: q.version,
			title: localize(q.title),
			score: round(scores.overall.score),
			level: scores.overall.level ? localize(scores.overall.level.label) : '—',
			coverage: round(scores.overall.coverage),
			lowCoverage: scores.overall.coverage !== null && scores.overall.coverage < 70,
			overall: scores.overall,
			rows,
			series,
			summary: summaryLine(rows)
		};
	});
	const globalRows: ViewRow[] = results.parts.map(({ questionnaire: q, scores }) => {
		const b = results.benchmarks[q.id];
		return {
			label: localize(q.title),
			score: scores.overall.score,
			target: scores.overall.target,
			coverage: scores.overall.coverage,
			level: scores.overall.level ? localize(scores.overall.level.label) : '—',
			...(b ? peer(scores.overall.score, b.overall) : {}),
			...(earlierOf(q.id) ? { earlier: earlierOf(q.id)!.before.score } : {})
		};
	});
	const anyPeers = results.parts.some((p) => results.benchmarks[p.questionnaire.id]?.overall);
	const ofOverall = (k: 'p25' | 'p50' | 'p75') =>
		results.parts.map((p) => results.benchmarks[p.questionnaire.id]?.overall?.[k] ?? null);
	const globalSeries: RadarSeries = {
		labels: globalRows.map((r) => r.label),
		score: globalRows.map((r) => r.score),
		target: globalRows.map((r) => r.target),
		...(anyPeers
			? { peers: { p25: ofOverall('p25'), p50: ofOverall('p50'), p75: ofOverall('p75') } }
			: {}),
		...(results.progress ? { earlier: globalRows.map((r) => r.earlier ?? null) } : {})
	};
	const g: ScoreSummary = results.global;
	return {
		global: {
			score: round(g.score),
			target: round(g.target),
			coverage: round(g.coverage),
			level: g.level ? localize(g.level.label) : '—'
		},
		globalRows,
		globalSeries,
		globalSummary: summaryLine(globalRows),
		questionnaires
	};
}

export type ResultsView = ReturnType<typeof resultsView>;

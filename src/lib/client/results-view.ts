import type { Report, ReportRow } from '../domain/report.ts';
import { langOf, text, type Locale } from '../messages/report.ts';
import type { RadarSeries } from './chart/radar-geometry.ts';

/**
 * A radar's series from rows of the report: one spoke a row, the peers' band when some row has
 * peer figures, the earlier diagnostic when one is compared.
 */
export function radarSeries(rows: readonly ReportRow[], locale?: Locale): RadarSeries {
	const peers = (k: 'p25' | 'median' | 'p75') => rows.map((r) => r.peers?.[k] ?? null);
	return {
		labels: rows.map((r) => text(r.title, locale)),
		labelLangs: rows.map((r) => langOf(r.title, locale)),
		score: rows.map((r) => r.score),
		target: rows.map((r) => r.target),
		...(rows.some((r) => r.peers)
			? { peers: { p25: peers('p25'), p50: peers('median'), p75: peers('p75') } }
			: {}),
		...(rows.some((r) => r.earlier !== undefined)
			? { earlier: rows.map((r) => r.earlier ?? null) }
			: {})
	};
}

/** The radars of a report: the global one (a spoke per questionnaire), then one per questionnaire. */
export function radars(report: Report, locale?: Locale) {
	return [
		{ id: 'global', rows: report.parts.map((p) => p.overall), title: null },
		...report.parts.map((p) => ({
			id: p.questionnaire.id,
			rows: p.themes,
			title: text(p.questionnaire.title, locale)
		}))
	].map((r) => ({ ...r, series: radarSeries(r.rows, locale) }));
}

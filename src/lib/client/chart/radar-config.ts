import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { m } from '../../paraglide/messages.js';
import { getLocale } from '../../paraglide/runtime.js';

export interface RadarSeries {
	labels: string[];
	score: (number | null)[];
	target?: (number | null)[];
	/** Peers' quartiles per spoke (null where the cohort publishes nothing). */
	peers?: { p25: (number | null)[]; p50: (number | null)[]; p75: (number | null)[] };
	/** An earlier diagnostic, for the progress overlay. */
	earlier?: (number | null)[];
}

/**
 * A radar on a fixed 0–100 scale. Series are told apart by line style and point shape as well as
 * colour (readable in black and white): territory solid with discs, target dotted with
 * triangles, peers' median dashed with squares over a shaded p25–p75 band, earlier diagnostic
 * long-dashed with crosses.
 */
export function radarConfig(
	s: RadarSeries,
	options: { animation?: boolean; print?: boolean; locale?: 'fr' | 'en' } = {}
): ChartConfiguration<'radar', (number | null)[]> {
	const o = { locale: options.locale ?? getLocale() };
	// The lower quartile only bounds the shaded band: not in the legend.
	const p25Label = m.report_chart_peers_p25({}, o);
	// Printed radars are drawn large and shrunk onto the page: their text must be larger.
	const font = options.print ? { size: 22 } : { size: 12 };
	const datasets: ChartDataset<'radar', (number | null)[]>[] = [];
	if (s.peers) {
		datasets.push(
			{
				label: p25Label,
				data: s.peers.p25,
				borderColor: 'rgba(120,120,120,0.6)',
				borderWidth: 1,
				pointRadius: 0,
				fill: false
			},
			{
				label: m.report_chart_peers_band({}, o),
				data: s.peers.p75,
				borderColor: 'rgba(120,120,120,0.6)',
				borderWidth: 1,
				pointRadius: 0,
				backgroundColor: 'rgba(150,150,150,0.25)',
				fill: '-1'
			},
			{
				label: m.report_chart_peers_median({}, o),
				data: s.peers.p50,
				borderColor: '#666666',
				borderDash: [6, 4],
				pointStyle: 'rect',
				pointRadius: 3,
				fill: false
			}
		);
	}
	if (s.earlier)
		datasets.push({
			label: m.report_chart_earlier({}, o),
			data: s.earlier,
			borderColor: '#8d4400',
			borderDash: [12, 4],
			pointStyle: 'crossRot',
			pointRadius: 4,
			fill: false
		});
	if (s.target)
		datasets.push({
			label: m.report_chart_target({}, o),
			data: s.target,
			borderColor: '#18753c',
			borderDash: [2, 3],
			pointStyle: 'triangle',
			pointRadius: 4,
			fill: false
		});
	datasets.push({
		label: m.report_chart_territory({}, o),
		data: s.score,
		borderColor: '#000091',
		backgroundColor: 'rgba(0,0,145,0.12)',
		borderWidth: 3,
		pointStyle: 'circle',
		pointRadius: 4,
		fill: true
	});
	return {
		type: 'radar',
		data: { labels: s.labels, datasets },
		options: {
			animation: options.animation === false ? false : undefined,
			responsive: true,
			maintainAspectRatio: true,
			spanGaps: true,
			scales: {
				r: {
					min: 0,
					max: 100,
					ticks: { stepSize: 20, backdropColor: 'transparent' },
					pointLabels: { font }
				}
			},
			plugins: {
				legend: {
					position: 'bottom',
					labels: {
						usePointStyle: true,
						font: options.print ? { size: 22 } : undefined,
						filter: (item) => item.text !== p25Label
					}
				},
				tooltip: { enabled: true }
			}
		}
	};
}

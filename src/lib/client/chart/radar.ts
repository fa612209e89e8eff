import {
	Chart,
	Filler,
	Legend,
	LineElement,
	PointElement,
	RadarController,
	RadialLinearScale,
	Tooltip
} from 'chart.js';
import type { ChartConfiguration } from 'chart.js';

// Only what a radar needs: the rest of Chart.js stays out of the bundle.
Chart.register(
	RadarController,
	RadialLinearScale,
	PointElement,
	LineElement,
	Filler,
	Tooltip,
	Legend
);

type RadarConfiguration = ChartConfiguration<'radar', (number | null)[]>;

/** Svelte action: `<canvas use:radar={config}>`. */
export function radar(canvas: HTMLCanvasElement, config: RadarConfiguration) {
	const chart = new Chart(canvas, config);
	return {
		update(next: RadarConfiguration) {
			chart.data = next.data;
			chart.update();
		},
		destroy() {
			chart.destroy();
		}
	};
}

/** A PNG data URL of a radar drawn off screen (for the PDF), without animation. */
export function radarImage(config: RadarConfiguration, size = 900): string {
	const canvas = document.createElement('canvas');
	canvas.width = size;
	canvas.height = size;
	const chart = new Chart(canvas, {
		...config,
		options: { ...config.options, animation: false, responsive: false, devicePixelRatio: 1 }
	});
	const url = chart.toBase64Image('image/png');
	chart.destroy();
	return url;
}

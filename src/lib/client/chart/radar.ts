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

/**
 * Svelte action: `<canvas use:radar={config}>`. The chart is built when the canvas comes into
 * view, without animation: a results page has several radars and building them all at load
 * blocked the main thread for seconds on a slow machine.
 */
export function radar(canvas: HTMLCanvasElement, config: RadarConfiguration) {
	let chart: Chart<'radar', (number | null)[]> | undefined;
	let current = config;
	const build = () => {
		chart = new Chart(canvas, { ...current, options: { ...current.options, animation: false } });
	};
	const observer =
		typeof IntersectionObserver === 'undefined'
			? undefined
			: new IntersectionObserver(
					(entries) => {
						if (entries.some((e) => e.isIntersecting) && !chart) {
							build();
							observer?.disconnect();
						}
					},
					{ rootMargin: '200px' }
				);
	if (observer) observer.observe(canvas);
	else build();
	return {
		update(next: RadarConfiguration) {
			current = next;
			if (!chart) return;
			chart.data = next.data;
			chart.update('none');
		},
		destroy() {
			observer?.disconnect();
			chart?.destroy();
		}
	};
}

/**
 * A JPEG data URL of a radar drawn off screen (for the PDF), without animation, on white. JPEG
 * because the PDF library embeds it as it is, where a PNG is decoded and compressed again in
 * JavaScript (most of the export time).
 */
export function radarImage(config: RadarConfiguration, width = 1100, height = 800): string {
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	const chart = new Chart(canvas, {
		...config,
		options: { ...config.options, animation: false, responsive: false, devicePixelRatio: 1 }
	});
	const flat = document.createElement('canvas');
	flat.width = width;
	flat.height = height;
	const ctx = flat.getContext('2d')!;
	ctx.fillStyle = '#ffffff';
	ctx.fillRect(0, 0, width, height);
	ctx.drawImage(canvas, 0, 0);
	chart.destroy();
	return flat.toDataURL('image/jpeg', 0.9);
}

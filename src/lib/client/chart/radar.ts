import type { Chart, ChartConfiguration } from 'chart.js';

/**
 * Chart.js, loaded when the first radar is drawn (not with the page's code), with only what a
 * radar needs registered: the rest of Chart.js stays out of the bundle.
 */
let loading: Promise<typeof Chart> | undefined;
function chartJs(): Promise<typeof Chart> {
	loading ??= import('chart.js').then((c) => {
		c.Chart.register(
			c.RadarController,
			c.RadialLinearScale,
			c.PointElement,
			c.LineElement,
			c.Filler,
			c.Tooltip,
			c.Legend
		);
		return c.Chart;
	});
	return loading;
}

type RadarConfiguration = ChartConfiguration<'radar', (number | null)[]>;

/**
 * Svelte action: `<canvas use:radar={config}>`. The chart is built when the canvas comes into
 * view, without animation: a results page has several radars and building them all at load
 * blocked the main thread for seconds on a slow machine.
 */
export function radar(canvas: HTMLCanvasElement, config: RadarConfiguration) {
	let chart: Chart<'radar', (number | null)[]> | undefined;
	let current = config;
	let started = false;
	let destroyed = false;
	const build = () => {
		if (started) return;
		started = true;
		void chartJs().then((C) => {
			if (destroyed) return;
			chart = new C(canvas, { ...current, options: { ...current.options, animation: false } });
		});
	};
	const observer =
		typeof IntersectionObserver === 'undefined'
			? undefined
			: new IntersectionObserver(
					(entries) => {
						if (entries.some((e) => e.isIntersecting)) {
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
			destroyed = true;
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
export async function radarImage(
	config: RadarConfiguration,
	width = 1100,
	height = 800
): Promise<string> {
	const C = await chartJs();
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	const chart = new C(canvas, {
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

import { describe, expect, it } from 'vitest';
import { radarGeometry, radarSvg, textWidth, wrap, type RadarSeries } from './radar-geometry.ts';

const texts = {
	territory: 'Votre territoire',
	target: 'Cible',
	median: 'Pairs : médiane',
	band: 'Pairs : 1er–3e quartile',
	earlier: 'Diagnostic précédent'
};
const series: RadarSeries = {
	labels: [
		'Hygiène informatique',
		'Sauvegardes et continuité',
		'Homologation des téléservices',
		'Gouvernance de la sécurité',
		'Sensibilisation'
	],
	labelLangs: [undefined, 'fr', undefined, undefined, undefined],
	score: [60, null, 40, 100, 0],
	target: [80, 50, 40, 100, 20],
	peers: {
		p25: [30, 30, null, 30, 30],
		p50: [50, 50, null, 50, 50],
		p75: [70, 70, null, 70, 70]
	}
};

/** Every text line's box, from the same width estimate as the layout. */
function boxes(g: ReturnType<typeof radarGeometry>) {
	return g.labels.flatMap((l) =>
		l.lines.map((line) => {
			const w = textWidth(line.text, g.fontSize);
			const x0 = l.anchor === 'start' ? line.x : l.anchor === 'end' ? line.x - w : line.x - w / 2;
			return { text: line.text, x0, x1: x0 + w, y0: line.y - g.fontSize, y1: line.y + 4 };
		})
	);
}

describe('the radar geometry', () => {
	it('wraps a label between words, and keeps a word wider than the line whole', () => {
		expect(wrap('Homologation des téléservices', 120, 13)).toEqual([
			'Homologation des',
			'téléservices'
		]);
		expect(wrap('Hygiène informatique', 140, 13)).toEqual(['Hygiène informatique']);
		expect(wrap('Anticonstitutionnellement', 40, 13)).toEqual(['Anticonstitutionnellement']);
	});

	it('keeps every label, whole, inside the drawing, at phone and desktop widths', () => {
		for (const width of [300, 358, 544]) {
			const g = radarGeometry(series, texts, { width });
			expect(g.width).toBeGreaterThanOrEqual(width);
			const lines = g.labels.map((l) => l.lines.map((x) => x.text).join(' '));
			expect(lines).toEqual(series.labels);
			for (const b of boxes(g)) {
				expect(b.x0, `${b.text} at ${width}`).toBeGreaterThanOrEqual(0);
				expect(b.x1, `${b.text} at ${width}`).toBeLessThanOrEqual(g.width);
				expect(b.y0, `${b.text} at ${width}`).toBeGreaterThanOrEqual(0);
				expect(b.y1, `${b.text} at ${width}`).toBeLessThanOrEqual(g.height);
			}
			// The legend stays inside too.
			for (const item of g.legend) {
				expect(item.x).toBeGreaterThanOrEqual(0);
				expect(item.text.x + textWidth(item.text.text, g.fontSize)).toBeLessThanOrEqual(g.width);
				expect(item.text.y).toBeLessThanOrEqual(g.height);
			}
		}
	});

	it('is far larger than the old 170 px plot on a desktop column', () => {
		const g = radarGeometry(series, texts, { width: 544 });
		const [x1, y1] = [g.axes[0]!.x1, g.axes[0]!.y1];
		const [x2, y2] = [g.axes[0]!.x2, g.axes[0]!.y2];
		expect(2 * Math.hypot(x2 - x1, y2 - y1)).toBeGreaterThan(260);
	});

	it('skips spokes without a value, draws the peer band as a ring, marks the French label', () => {
		const g = radarGeometry(series, texts, { width: 544 });
		const territory = g.series.find((s) => s.key === 'territory')!;
		expect(territory.points.split(' ')).toHaveLength(4);
		// The band: an outer and an inner ring over the four spokes both quartiles have.
		expect(g.band!.match(/M/g)).toHaveLength(2);
		expect(g.band!.match(/L/g)).toHaveLength(6);
		expect(g.series.map((s) => s.key)).toEqual(['median', 'target', 'territory']);
		expect(g.labels.map((l) => l.lang)).toEqual([undefined, 'fr', undefined, undefined, undefined]);
		expect(g.legend.map((l) => l.key)).toEqual(['territory', 'target', 'median', 'band']);
	});

	it('puts the top label above the plot and the side labels beside it', () => {
		const g = radarGeometry(series, texts, { width: 544 });
		const cy = g.axes[0]!.y1;
		const top = g.labels[0]!;
		expect(top.anchor).toBe('middle');
		expect(top.lines.at(-1)!.y).toBeLessThan(cy - (cy - g.axes[0]!.y2));
		expect(g.labels[1]!.anchor).toBe('start');
		expect(g.labels[4]!.anchor).toBe('end');
	});

	it('writes an SVG document whose text is escaped', () => {
		const g = radarGeometry(
			{ ...series, labels: ['A & B <c>', 'D', 'E'], peers: undefined },
			texts,
			{ width: 400 }
		);
		const svg = radarSvg(g);
		expect(svg).toMatch(
			/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="[\d.]+" height="[\d.]+"/
		);
		expect(svg).toContain('>A &amp; B &lt;c&gt;</text>');
		expect(svg).not.toContain('<c>');
		expect(svg).toContain('font-family="Helvetica"');
		expect(svg).not.toContain('fill-rule="evenodd"');
	});
});

/**
 * A radar chart as plain geometry (points, rings, axes, wrapped labels, legend), drawn as SVG by
 * the results page (`ScoreRadar.svelte`) and by the PDF (`radarSvg`, pdfmake's `svg` node): one
 * builder for both, no chart library, no DOM. Pure: the text widths are estimated from the
 * characters (Helvetica-like proportions, rounded up), so that a label is wrapped onto several
 * lines and the drawing grows to hold it: a label is never cut.
 *
 * Fixed 0–100 scale. Series are told apart by line style and point shape as well as colour
 * (readable in black and white): territory solid with discs, target dotted with triangles, peers'
 * median dashed with squares over a shaded p25–p75 band, earlier diagnostic long-dashed with
 * crosses.
 */

export interface RadarSeries {
	labels: string[];
	/** `fr` where an English page shows a French label (no translation), for a `lang` attribute. */
	labelLangs?: ('fr' | undefined)[];
	score: (number | null)[];
	target?: (number | null)[];
	/** Peers' quartiles per spoke (null where the cohort publishes nothing). */
	peers?: { p25: (number | null)[]; p50: (number | null)[]; p75: (number | null)[] };
	/** An earlier diagnostic, for the progress overlay. */
	earlier?: (number | null)[];
}

/** The legend's words, in the reader's language. */
export interface RadarTexts {
	territory: string;
	target: string;
	median: string;
	band: string;
	earlier: string;
}

export type SeriesKey = 'territory' | 'target' | 'median' | 'earlier';
export type LegendKey = SeriesKey | 'band';

export interface SeriesStyle {
	stroke: string;
	width: number;
	dash?: string;
	fill?: string;
	fillOpacity?: number;
	/** Markers are filled with the stroke colour, but for crosses (stroked). */
	marker: 'disc' | 'triangle' | 'square' | 'cross';
}

/** One style per series, for the page and the PDF alike. */
export const RADAR_STYLES: Record<SeriesKey, SeriesStyle> = {
	territory: { stroke: '#000091', width: 3, fill: '#000091', fillOpacity: 0.12, marker: 'disc' },
	target: { stroke: '#18753c', width: 2, dash: '2 3', marker: 'triangle' },
	median: { stroke: '#666666', width: 2, dash: '6 4', marker: 'square' },
	earlier: { stroke: '#8d4400', width: 2, dash: '12 4', marker: 'cross' }
};
export const BAND_STYLE = { fill: '#969696', fillOpacity: 0.3, stroke: '#787878', width: 1 };
/** Helvetica's metrics (Arial and Liberation Sans share them): the ones the layout estimates. */
export const RADAR_FONT = "Arial, 'Liberation Sans', Helvetica, sans-serif";
export const GRID_COLOUR = '#d0d0d0';
export const TEXT_COLOUR = '#161616';
export const TICK_COLOUR = '#595959';

export interface TextLine {
	text: string;
	x: number;
	y: number;
}
export interface RadarLabel {
	lines: TextLine[];
	anchor: 'start' | 'middle' | 'end';
	lang?: 'fr';
}
export interface RadarPolyline {
	key: SeriesKey;
	/** `x,y x,y …` for a `<polygon points>`; spokes without a value are skipped. */
	points: string;
	/** One path (`d`) for all the markers of the series. */
	markers: string;
}
export interface LegendItem {
	key: LegendKey;
	label: string;
	/** The swatch: a line from (x1, y) to (x1 + SWATCH, y), or a box for the band. */
	x: number;
	y: number;
	/** Where the text starts (baseline y). */
	text: TextLine;
	marker?: string;
}

export interface RadarGeometry {
	width: number;
	height: number;
	fontSize: number;
	tickFontSize: number;
	rings: string[];
	ticks: TextLine[];
	axes: { x1: number; y1: number; x2: number; y2: number }[];
	labels: RadarLabel[];
	/** The peers' p25–p75 band: a path (`d`) to fill with `fill-rule="evenodd"`. */
	band?: string;
	/** Back to front: median, earlier, target, territory. */
	series: RadarPolyline[];
	legend: LegendItem[];
}

export interface RadarOptions {
	/** The width to lay out for, in user units (CSS pixels on screen). */
	width?: number;
	fontSize?: number;
}

const RINGS = [20, 40, 60, 80, 100];
const SWATCH = 28;
const round = (x: number) => Math.round(x * 10) / 10;

/**
 * The estimated width of `s` at `fontSize` (sans-serif), a little generous: wide letters and
 * capitals count more, narrow ones less.
 */
export function textWidth(s: string, fontSize: number): number {
	let em = 0;
	for (const ch of s) {
		if (/[mwMW@%]/.test(ch)) em += 0.89;
		else if (/[A-Z0-9ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŒ]/.test(ch)) em += 0.7;
		else if (/[ilj.,;:'’!|]/.test(ch)) em += 0.28;
		else if (/[ frtI()-]/.test(ch)) em += 0.36;
		else em += 0.58;
	}
	return em * fontSize;
}

/** `s` wrapped into lines of at most `max` wide, between words; a word wider stays whole. */
export function wrap(s: string, max: number, fontSize: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of s.split(/\s+/).filter(Boolean)) {
		const next = line ? `${line} ${word}` : word;
		if (line && textWidth(next, fontSize) > max) {
			lines.push(line);
			line = word;
		} else line = next;
	}
	if (line) lines.push(line);
	return lines.length ? lines : [''];
}

function marker(shape: SeriesStyle['marker'], x: number, y: number, r: number): string {
	const [a, b] = [round(x), round(y)];
	switch (shape) {
		case 'disc':
			return `M${round(x - r)} ${b}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`;
		case 'triangle':
			return `M${a} ${round(y - r * 1.2)}L${round(x + r)} ${round(y + r * 0.6)}L${round(x - r)} ${round(y + r * 0.6)}Z`;
		case 'square':
			return `M${round(x - r * 0.8)} ${round(y - r * 0.8)}h${round(r * 1.6)}v${round(r * 1.6)}h${round(-r * 1.6)}Z`;
		case 'cross':
			return `M${round(x - r)} ${round(y - r)}L${round(x + r)} ${round(y + r)}M${round(x + r)} ${round(y - r)}L${round(x - r)} ${round(y + r)}`;
	}
}

interface Box {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

/** The radar of `s`, laid out for `options.width` (labels wrapped, nothing outside the box). */
export function radarGeometry(
	s: RadarSeries,
	texts: RadarTexts,
	options: RadarOptions = {}
): RadarGeometry {
	const width = Math.max(240, options.width ?? 520);
	const fs = options.fontSize ?? 13;
	const lh = fs * 1.2;
	const pad = 4;
	const gap = fs * 0.6;
	const n = s.labels.length;
	// The labels take the sides; the plot what is left (never under a third of the width).
	const labelWidth = Math.min(fs * 11, Math.max(fs * 5.5, width * 0.22));
	const radius = Math.max(width / 6, width / 2 - labelWidth - gap - pad);
	const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / n;

	// Labels around a centre at (0, 0); the box is moved onto the page afterwards.
	const raw = s.labels.map((label, i) => {
		const a = angle(i);
		const [cos, sin] = [Math.cos(a), Math.sin(a)];
		const x = cos * (radius + gap);
		const y = sin * (radius + gap);
		const anchor: RadarLabel['anchor'] =
			Math.abs(cos) < 0.15 ? 'middle' : cos > 0 ? 'start' : 'end';
		const lines = wrap(label, labelWidth, fs);
		const h = lines.length * lh;
		const top = sin < -0.3 ? y - h : sin > 0.3 ? y : y - h / 2;
		const w = Math.max(...lines.map((l) => textWidth(l, fs)));
		const left = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
		return { lines, x, top, anchor, box: { x0: left, y0: top, x1: left + w, y1: top + h } };
	});
	const boxes: Box[] = [
		{ x0: -radius - 1, y0: -radius - fs, x1: radius + fs * 2, y1: radius + 1 },
		...raw.map((r) => r.box)
	];
	const bound = {
		x0: Math.min(...boxes.map((b) => b.x0)),
		y0: Math.min(...boxes.map((b) => b.y0)),
		x1: Math.max(...boxes.map((b) => b.x1)),
		y1: Math.max(...boxes.map((b) => b.y1))
	};
	// Centred across the width when it fits; wider when a long word needs it.
	const half = Math.max(width / 2 - pad, -bound.x0, bound.x1);
	const W = 2 * (half + pad);
	const cx = W / 2;
	const cy = -bound.y0 + pad;
	const at = (i: number, v: number) =>
		[
			cx + Math.cos(angle(i)) * radius * (v / 100),
			cy + Math.sin(angle(i)) * radius * (v / 100)
		] as const;
	const polygon = (values: readonly (number | null)[]) =>
		values
			.flatMap((v, i) => (v === null ? [] : [at(i, Math.max(0, Math.min(100, v)))]))
			.map(([x, y]) => `${round(x)},${round(y)}`)
			.join(' ');

	const rings = RINGS.map((v) => polygon(Array.from({ length: n }, () => v)));
	const tickFontSize = Math.round(fs * 0.8);
	const ticks = RINGS.map((v) => ({
		text: String(v),
		x: round(cx + 3),
		y: round(cy - radius * (v / 100) + tickFontSize + 1)
	}));
	const axes = Array.from({ length: n }, (_, i) => {
		const [x2, y2] = at(i, 100);
		return { x1: round(cx), y1: round(cy), x2: round(x2), y2: round(y2) };
	});
	const labels = raw.map((r, i) => ({
		anchor: r.anchor,
		...(s.labelLangs?.[i] ? { lang: s.labelLangs[i] } : {}),
		lines: r.lines.map((text, k) => ({
			text,
			x: round(cx + r.x),
			y: round(cy + r.top + k * lh + fs * 0.95)
		}))
	}));

	let band: string | undefined;
	if (s.peers) {
		const both = s.peers.p25.map((v, i) => (v === null || s.peers!.p75[i] === null ? null : i));
		const ring = (vs: (number | null)[]) => {
			const pts = both.flatMap((i) => (i === null ? [] : [at(i, vs[i]!)]));
			return pts.length >= 3 ? `M${pts.map(([x, y]) => `${round(x)} ${round(y)}`).join('L')}Z` : '';
		};
		const outer = ring(s.peers.p75);
		if (outer) band = outer + ring(s.peers.p25);
	}

	const markerSize = fs * 0.32;
	const series: RadarPolyline[] = [];
	const add = (key: SeriesKey, values: readonly (number | null)[] | undefined) => {
		if (!values || values.every((v) => v === null)) return;
		series.push({
			key,
			points: polygon(values),
			markers: values
				.flatMap((v, i) =>
					v === null ? [] : [marker(RADAR_STYLES[key].marker, ...at(i, v), markerSize)]
				)
				.join('')
		});
	};
	add('median', s.peers?.p50);
	add('earlier', s.earlier);
	add('target', s.target);
	add('territory', s.score);

	// The legend under the plot, in rows as wide as the drawing.
	const items: { key: LegendKey; label: string }[] = [
		{ key: 'territory', label: texts.territory },
		...(s.target ? [{ key: 'target' as const, label: texts.target }] : []),
		...(s.peers
			? [
					{ key: 'median' as const, label: texts.median },
					{ key: 'band' as const, label: texts.band }
				]
			: []),
		...(s.earlier ? [{ key: 'earlier' as const, label: texts.earlier }] : [])
	];
	const legend: LegendItem[] = [];
	let x = pad;
	let y = cy + bound.y1 + lh * 1.2;
	for (const item of items) {
		const w = SWATCH + fs * 0.5 + textWidth(item.label, fs);
		if (x > pad && x + w > W - pad) {
			x = pad;
			y += lh * 1.4;
		}
		legend.push({
			...item,
			x: round(x),
			y: round(y),
			text: { text: item.label, x: round(x + SWATCH + fs * 0.5), y: round(y + fs * 0.35) },
			...(item.key === 'band'
				? {}
				: { marker: marker(RADAR_STYLES[item.key].marker, x + SWATCH / 2, y, markerSize) })
		});
		x += w + fs * 1.5;
	}
	const height = round(y + lh);
	return {
		width: round(W),
		height,
		fontSize: fs,
		tickFontSize,
		rings,
		ticks,
		axes,
		labels,
		...(band ? { band } : {}),
		series,
		legend
	};
}

const escape = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The legend swatch of a series: its line (and marker), or the band's box. */
function swatch(item: LegendItem): string {
	if (item.key === 'band') {
		const b = BAND_STYLE;
		return `<rect x="${item.x}" y="${item.y - 6}" width="${SWATCH}" height="12" fill="${b.fill}" fill-opacity="${b.fillOpacity}" stroke="${b.stroke}" stroke-width="${b.width}"/>`;
	}
	const st = RADAR_STYLES[item.key];
	return (
		`<line x1="${item.x}" y1="${item.y}" x2="${item.x + SWATCH}" y2="${item.y}" stroke="${st.stroke}" stroke-width="${st.width}"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''}/>` +
		markerSvg(st, item.marker!)
	);
}

function markerSvg(st: SeriesStyle, d: string): string {
	return st.marker === 'cross'
		? `<path d="${d}" fill="none" stroke="${st.stroke}" stroke-width="1.5"/>`
		: `<path d="${d}" fill="${st.stroke}"/>`;
}

/**
 * The radar as an SVG document, for the PDF (pdfmake's `svg` node). `font` names the family the
 * PDF registers (its standard Helvetica).
 */
export function radarSvg(g: RadarGeometry, font = 'Helvetica'): string {
	const text = (l: TextLine, anchor: string, size: number, colour: string) =>
		`<text x="${l.x}" y="${l.y}" font-size="${size}" fill="${colour}" text-anchor="${anchor}">${escape(l.text)}</text>`;
	const parts = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${g.width}" height="${g.height}" viewBox="0 0 ${g.width} ${g.height}" font-family="${font}">`,
		...g.rings.map(
			(points) =>
				`<polygon points="${points}" fill="none" stroke="${GRID_COLOUR}" stroke-width="1"/>`
		),
		...g.axes.map(
			(a) =>
				`<line x1="${a.x1}" y1="${a.y1}" x2="${a.x2}" y2="${a.y2}" stroke="${GRID_COLOUR}" stroke-width="1"/>`
		),
		...(g.band
			? [
					`<path d="${g.band}" fill="${BAND_STYLE.fill}" fill-opacity="${BAND_STYLE.fillOpacity}" fill-rule="evenodd" stroke="${BAND_STYLE.stroke}" stroke-width="${BAND_STYLE.width}"/>`
				]
			: []),
		...g.series.map((p) => {
			const st = RADAR_STYLES[p.key];
			return (
				`<polygon points="${p.points}" fill="${st.fill ?? 'none'}"${st.fillOpacity ? ` fill-opacity="${st.fillOpacity}"` : ''} stroke="${st.stroke}" stroke-width="${st.width}"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''} stroke-linejoin="round"/>` +
				markerSvg(st, p.markers)
			);
		}),
		...g.ticks.map((t) => text(t, 'start', g.tickFontSize, TICK_COLOUR)),
		...g.labels.flatMap((l) =>
			l.lines.map((line) => text(line, l.anchor, g.fontSize, TEXT_COLOUR))
		),
		...g.legend.flatMap((item) => [
			swatch(item),
			text(item.text, 'start', g.fontSize, TEXT_COLOUR)
		]),
		'</svg>'
	];
	return parts.join('');
}

/**
 * Regenerates `src/lib/components/observatory/region-shapes.ts`, the SVG outlines of the 18
 * régions, from a GeoJSON file of the régions with their overseas ones (the file
 * `regions-avec-outre-mer.geojson` of the france-geojson project, contours from IGN GEOFLA 2.2
 * under the Licence Ouverte, codes from the INSEE COG):
 *
 *   npx tsx src/lib/server/observatory/build-region-shapes.ts regions-avec-outre-mer.geojson
 *
 * Metropolitan France is drawn in a 440 × 440 box (equirectangular, x scaled by cos 46.5°), the
 * five overseas régions each in its own inset below it; every ring is simplified
 * (Douglas–Peucker, tolerance 0.8 unit) and rings under 4 square units are dropped.
 */
import { readFileSync, writeFileSync } from 'node:fs';

type Ring = [number, number][];
interface Feature {
	properties: { code: string; nom: string };
	geometry:
		{ type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

const OVERSEAS = ['01', '02', '03', '04', '06'];
const METRO = { x: 0, y: 0, w: 440, h: 440 };
const INSET = 80;
const GAP = 8;

function rings(f: Feature): Ring[] {
	return f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
}

const project =
	(cosLat: number) =>
	([lon, lat]: [number, number]): [number, number] => [lon * cosLat, -lat];

function simplify(points: Ring, tolerance: number): Ring {
	if (points.length < 4) return points;
	const keep = new Uint8Array(points.length);
	keep[0] = keep[points.length - 1] = 1;
	const stack: [number, number][] = [[0, points.length - 1]];
	while (stack.length) {
		const [a, b] = stack.pop()!;
		const [ax, ay] = points[a]!;
		const [bx, by] = points[b]!;
		const len = Math.hypot(bx - ax, by - ay);
		let worst = -1;
		let at = -1;
		for (let i = a + 1; i < b; i++) {
			const [px, py] = points[i]!;
			// A closed ring starts and ends on one point: the distance to that point.
			const d =
				len === 0
					? Math.hypot(px - ax, py - ay)
					: Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / len;
			if (d > worst) [worst, at] = [d, i];
		}
		if (worst > tolerance) {
			keep[at] = 1;
			stack.push([a, at], [at, b]);
		}
	}
	return points.filter((_, i) => keep[i]);
}

const area = (r: Ring) =>
	Math.abs(
		r.reduce((s, [x, y], i) => s + x * r[(i + 1) % r.length]![1] - r[(i + 1) % r.length]![0] * y, 0)
	) / 2;

/** Fits the rings (already projected) into a box, keeping proportions. */
function fit(all: Ring[], box: { x: number; y: number; w: number; h: number }): Ring[] {
	const xs = all.flat().map((p) => p[0]);
	const ys = all.flat().map((p) => p[1]);
	const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
	const s = Math.min(box.w / (x1 - x0), box.h / (y1 - y0));
	const dx = box.x + (box.w - (x1 - x0) * s) / 2;
	const dy = box.y + (box.h - (y1 - y0) * s) / 2;
	return all.map((r) => r.map(([x, y]) => [dx + (x - x0) * s, dy + (y - y0) * s]));
}

function path(rs: Ring[]): string {
	return rs
		.map((r) => simplify(r, 0.8))
		.filter((r) => r.length >= 4 && area(r) >= 4)
		.map((r) => 'M' + r.map(([x, y]) => `${x.toFixed(0)} ${y.toFixed(0)}`).join('L') + 'Z')
		.join('');
}

const geo = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as { features: Feature[] };
const metro = geo.features.filter((f) => !OVERSEAS.includes(f.properties.code));
const cos = Math.cos((46.5 * Math.PI) / 180);
const metroRings = metro.map((f) => rings(f).map((r) => r.map(project(cos))));
const fitted = fit(metroRings.flat(), METRO);
const shapes: Record<string, { d: string; inset?: [number, number, number, number] }> = {};
let i = 0;
for (const [n, f] of metro.entries()) {
	const count = metroRings[n]!.length;
	shapes[f.properties.code] = { d: path(fitted.slice(i, i + count)) };
	i += count;
}
for (const [n, code] of OVERSEAS.entries()) {
	const f = geo.features.find((x) => x.properties.code === code)!;
	const lat =
		f.geometry.type === 'Polygon'
			? f.geometry.coordinates[0]![0]![1]
			: f.geometry.coordinates[0]![0]![0]![1];
	const box = { x: n * (INSET + GAP), y: METRO.h + GAP * 2, w: INSET, h: INSET };
	shapes[code] = {
		d: path(
			fit(
				rings(f).map((r) => r.map(project(Math.cos((lat * Math.PI) / 180)))),
				box
			)
		),
		inset: [box.x, box.y, box.w, box.h]
	};
}
const height = METRO.h + GAP * 2 + INSET;
const out = `/**
 * The 18 régions (COG codes) as SVG paths in a ${METRO.w} × ${height} box: metropolitan France
 * above, the five overseas régions in insets below (not to scale with it, nor with each other).
 *
 * Source: contours IGN GEOFLA 2.2 (2016), INSEE COG codes, as published by the france-geojson
 * project (file \`regions-avec-outre-mer.geojson\`); Licence Ouverte / Open Licence (Etalab).
 * Projected and simplified by \`src/lib/server/observatory/build-region-shapes.ts\`: do not edit.
 */
export const mapSize = { width: ${METRO.w}, height: ${height} } as const;

export const regionShapes: Readonly<Record<string, { d: string; inset?: readonly [number, number, number, number] }>> = ${JSON.stringify(shapes)};
`;
writeFileSync('src/lib/components/observatory/region-shapes.ts', out);
console.log(`${Object.keys(shapes).length} régions, ${out.length} characters`);

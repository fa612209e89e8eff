import type { Results } from '../state/results.svelte.ts';
import { radarImage } from '../chart/radar.ts';
import { radarConfig } from '../chart/radar-config.ts';
import { fileSlug } from '../download.ts';
import type { ResultsView } from '../results-view.ts';
import { diagnosticDocument } from './document.ts';

/**
 * Builds and downloads the PDF diagnostic in the browser. pdfmake and the Helvetica metrics are
 * loaded here, on the click, never with the page; once cached by the service worker they work
 * offline too.
 */
export async function downloadDiagnosticPdf(
	results: Results,
	view: ResultsView,
	now = new Date()
): Promise<void> {
	// Measured (performance entry `numeriscope:pdf`) by tests/bench/results.ts.
	const start = performance.now();
	const [{ default: pdfMake }, { default: helvetica }] = await Promise.all([
		import('pdfmake/build/pdfmake'),
		import('pdfmake/build/standard-fonts/Helvetica')
	]);
	pdfMake.addFontContainer(helvetica);
	const images: Record<string, string> = {};
	// A radar needs three spokes; with fewer questionnaires the table says it all.
	if (view.globalSeries.labels.length >= 3)
		images['global'] = radarImage(
			radarConfig(view.globalSeries, { animation: false, print: true })
		);
	for (const q of view.questionnaires)
		images[q.id] = radarImage(radarConfig(q.series, { animation: false, print: true }));
	const doc = diagnosticDocument({
		profile: results.diagnostic.profile,
		date: now,
		parts: results.parts,
		view,
		obligations: results.obligations,
		plan: results.plan,
		benchmarks: results.benchmarks,
		images
	});
	const pdf = pdfMake.createPdf(doc);
	await pdf.getBuffer();
	performance.measure('numeriscope:pdf', { start });
	await pdf.download(
		`diagnostic-${fileSlug(results.diagnostic.profile.name)}-${now.toISOString().slice(0, 10)}.pdf`
	);
}

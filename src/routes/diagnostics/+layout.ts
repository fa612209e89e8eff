// Diagnostics live in the browser's IndexedDB: these pages render in the browser only.
export const ssr = false;

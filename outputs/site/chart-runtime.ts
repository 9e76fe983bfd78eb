// The chart libraries, imported through this one module: `npm run build` bundles it into a single file in dist/
// (bin/build-dist.js), as loading Observable Plot, d3 and linkedom module by module costs more than drawing the charts.
export * as Plot from '@observablehq/plot';
export { parseHTML } from 'linkedom';

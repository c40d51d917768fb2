// The esbuild options every bundle of this project shares, so that the benchmarks' own bundles are built
// exactly like the shipped ones.
export const BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: true,
  logLevel: 'warning',
};

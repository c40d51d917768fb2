// The entry point of the core bundle the benchmarks load (bench/out/core.cjs): the same sources, bundled
// by esbuild as the server bundle is.
export { loadGlossaryFile, mergeGlossary } from '../../server/src/core/glossary/load';
export { compileGlossary, analyzeDocument, findMentions } from '../../server/src/core/recognition/index';
export { snapshotOf, compiledOfSnapshot } from '../../server/src/core/glossaryCache';
export { MAX_CACHED_GLOSSARY_CHARS } from '../../server/src/node/fileGlossaryCache';

// The recognition engine's entry points: compile a glossary once, then analyse documents against it.
export { compileGlossary, type CompiledGlossary } from './compile';
export { analyzeDocument, findMentions, type AnalyzeOptions } from './analyze';

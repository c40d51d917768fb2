// Public API of the recognition engine.
export { analyzeDocument, findMentions, type AnalyzeOptions, type MentionRowSink } from './analyze';
export { compileGlossary, compileGlossarySteps, defaultShortForms, shortFormsOf, type CompiledGlossary } from './compile';
export { findAnnotations, type RawAnnotation } from './annotations';
export { detectDocumentDate, readFrontMatter, type FrontMatter } from './documentDate';
export {
  codeKey,
  describeIssuer,
  describeType,
  DOCUMENT_TYPE_CODES,
  DOCUMENT_TYPE_WORDS,
  normalizeDocumentNumber,
  parseDocumentNumber,
  PARTY_ISSUER_CODES,
  STATE_ISSUER_CODES,
  typeCodesOf,
  type DocumentNumber,
  type DocumentSystem,
  type DocumentTypeInfo,
  type DocumentTypeWord,
  type IssuerInfo,
} from './documentNumber';
export { fold, foldChar, foldWithMap, stripDiacritics } from './fold';
export { isInsideLink } from './links';
export type {
  AmbiguousReference,
  Annotation,
  Candidate,
  DocumentAnalysis,
  DocumentCitation,
  DocumentLanguage,
  LanguageSpan,
  MatchKind,
  Mention,
  TextSpan,
  TitleContext,
} from './mention';
export { DEFAULT_TITLES, HISTORICAL_PREFIXES, VIETNAMESE_HONORIFICS, VIETNAMESE_TITLES } from './titleWords';

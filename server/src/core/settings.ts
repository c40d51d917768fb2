import { DOCUMENT_DIAGNOSTIC_CODES, type SeverityOverrides } from './diagnostics';
import { DEFAULT_DOCUMENT_PATTERNS, DEFAULT_GLOSSARY_PATTERNS } from './workspace';

/** The `policyGloss.*` settings the server reads. */
export interface Settings {
  glossaryFiles: string[];
  documents: string[];
  inlayHints: { shortNames: boolean };
  diagnostics: { severity: SeverityOverrides };
  /** The language quick fixes write titles and names in; `auto` follows the paragraph (or the title as written). */
  quickFixLanguage: QuickFixLanguage;
}

export const QUICK_FIX_LANGUAGES = ['auto', 'english', 'vietnamese'] as const;
export type QuickFixLanguage = (typeof QUICK_FIX_LANGUAGES)[number];

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  glossaryFiles: DEFAULT_GLOSSARY_PATTERNS,
  documents: DEFAULT_DOCUMENT_PATTERNS,
  inlayHints: { shortNames: true },
  diagnostics: { severity: {} },
  quickFixLanguage: 'auto',
};

export const SEVERITY_LEVELS = ['error', 'warning', 'information', 'hint', 'off'] as const;

/**
 * Checks one per-code severity (the setting's entries, the CLI's `--severity`): the problem, or
 * undefined when `code` names a document diagnostic and `level` is a severity or `off`.
 */
export function severityProblem(code: string, level: unknown): string | undefined {
  if (!(DOCUMENT_DIAGNOSTIC_CODES as readonly string[]).includes(code)) {
    return `unknown diagnostic code '${code}' (known: ${DOCUMENT_DIAGNOSTIC_CODES.join(', ')})`;
  }
  if (typeof level !== 'string' || !(SEVERITY_LEVELS as readonly string[]).includes(level)) return `'${code}' must be ${SEVERITY_LEVELS.slice(0, -1).join(', ')} or off`;
  return undefined;
}

/** A problem with a setting, reported to the user once instead of failing. */
export interface SettingsProblem {
  setting: string;
  message: string;
}

/**
 * Reads the settings object a client returns (or null): every missing or malformed value falls back to
 * its default, and each malformed one is reported.
 */
export function parseSettings(raw: unknown): { settings: Settings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const obj = isRecord(raw) ? raw : {};
  const patterns = (key: 'glossaryFiles' | 'documents'): string[] => {
    const value = obj[key];
    if (value === undefined || value === null) return DEFAULT_SETTINGS[key].slice();
    if (Array.isArray(value) && value.every((p) => typeof p === 'string' && p.trim() !== '')) return value as string[];
    problems.push({ setting: `policyGloss.${key}`, message: 'expected a list of glob patterns; using the default' });
    return DEFAULT_SETTINGS[key].slice();
  };
  const inlay = isRecord(obj.inlayHints) ? obj.inlayHints : {};
  let shortNames = true;
  if (typeof inlay.shortNames === 'boolean') shortNames = inlay.shortNames;
  else if (inlay.shortNames !== undefined && inlay.shortNames !== null) {
    problems.push({ setting: 'policyGloss.inlayHints.shortNames', message: 'expected true or false; using true' });
  }
  const severity: SeverityOverrides = {};
  const diagnostics = isRecord(obj.diagnostics) ? obj.diagnostics : {};
  if (isRecord(diagnostics.severity)) {
    for (const [code, value] of Object.entries(diagnostics.severity)) {
      const problem = severityProblem(code, value);
      if (problem) problems.push({ setting: 'policyGloss.diagnostics.severity', message: problem });
      else severity[code] = value as SeverityOverrides[string];
    }
  }
  let quickFixLanguage: QuickFixLanguage = DEFAULT_SETTINGS.quickFixLanguage;
  if ((QUICK_FIX_LANGUAGES as readonly unknown[]).includes(obj.quickFixLanguage)) quickFixLanguage = obj.quickFixLanguage as QuickFixLanguage;
  else if (obj.quickFixLanguage !== undefined && obj.quickFixLanguage !== null) {
    problems.push({ setting: 'policyGloss.quickFixLanguage', message: `expected ${QUICK_FIX_LANGUAGES.join(', ')}; using auto` });
  }
  return {
    settings: { glossaryFiles: patterns('glossaryFiles'), documents: patterns('documents'), inlayHints: { shortNames }, diagnostics: { severity }, quickFixLanguage },
    problems,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

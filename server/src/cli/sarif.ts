// SARIF 2.1.0 output for code-scanning tools (GitHub code scanning, the SARIF viewers).
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { DOCUMENT_DIAGNOSTIC_CODES } from '../core/diagnostics';
import type { Range, Severity } from '../core/types';
import { plainRange } from './format';
import { allDiagnostics, compareStrings, INVALID_UTF8_CODE, type RunResult } from './runner';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** One-line descriptions of the rules; codes missing here (new glossary checks) fall back to a generic text. */
const RULE_DESCRIPTIONS: Record<string, string> = {
  'unknown-document': 'A document number that is not in the glossary.',
  'unknown-official': 'An official introduced by a title who is not in the glossary.',
  'ambiguous-reference': 'A reference that fits several glossary entries.',
  'unknown-annotation': 'An [[id]] annotation naming no glossary entry.',
  'deprecated-term': 'A deprecated term; the glossary names the term to use instead.',
  'title-mismatch': 'A title before a name that the official never held.',
  'title-outdated': 'A title the official did not hold at the document date.',
  'name-variant': 'A name written with partial or wrong diacritics.',
  [INVALID_UTF8_CODE]: 'Bytes that are not valid UTF-8.',
  'yaml-syntax': 'A YAML syntax error in a glossary file.',
};

type SarifLevel = 'error' | 'warning' | 'note';

const LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: SarifRegion };
  message?: { text: string };
}

/** SARIF lines and columns are 1-based and the end column is exclusive; columns count UTF-16 code units, as LSP does. */
function region(range: Range): SarifRegion {
  const r = plainRange(range);
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

/** A relative path stays relative to the source root (where the command ran); an absolute one becomes a file URI. */
function artifactLocation(displayPath: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(displayPath)) return { uri: pathToFileURL(displayPath).href };
  return { uri: displayPath.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function location(displayPath: string, range?: Range, message?: string): SarifLocation {
  return {
    physicalLocation: { artifactLocation: artifactLocation(displayPath), ...(range ? { region: region(range) } : {}) },
    ...(message ? { message: { text: message } } : {}),
  };
}

export function formatSarif(result: RunResult, toolVersion: string): string {
  const diagnostics = allDiagnostics(result);
  const seen = new Set(diagnostics.map((d) => d.code));
  const known: string[] = [...DOCUMENT_DIAGNOSTIC_CODES, INVALID_UTF8_CODE];
  const ruleIds = [...known, ...[...seen].filter((code) => !known.includes(code)).sort(compareStrings)];
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  const rules = ruleIds.map((id) => ({
    id,
    shortDescription: { text: RULE_DESCRIPTIONS[id] ?? `Glossary check '${id}'.` },
  }));

  const results = diagnostics.map((d) => {
    // relatedLocations must be distinct.
    const related = [...new Map((d.related ?? []).map((r) => [JSON.stringify(r), r])).values()];
    return {
      ruleId: d.code,
      ruleIndex: ruleIndex.get(d.code)!,
      level: LEVELS[d.severity],
      message: { text: d.message },
      locations: [location(d.path, d.range)],
      ...(related.length ? { relatedLocations: related.map((r) => location(r.path, r.range, r.message)) } : {}),
    };
  });

  const notifications = [
    ...result.notes.map((text) => ({ level: 'note' as const, message: { text } })),
    ...result.skipped.map((s) => ({ level: 'note' as const, message: { text: `Skipped: ${s.reason}.` }, locations: [location(s.path)] })),
  ];

  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'policy-gloss', version: toolVersion, rules } },
        columnKind: 'utf16CodeUnits',
        results,
        invocations: [{ executionSuccessful: true, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) }],
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

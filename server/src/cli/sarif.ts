// SARIF 2.1.0 output for code-scanning tools (GitHub code scanning, the SARIF viewers).
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { DOCUMENT_DIAGNOSTIC_CODES } from '../core/diagnostics';
import { GLOSSARY_PROBLEM_CODES } from '../core/glossary/model';
import type { Range, Severity } from '../core/types';
import { plainRange } from './format';
import { allDiagnostics, compareStrings, INVALID_ENCODING_CODE, type RunResult } from './runner';

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
  [INVALID_ENCODING_CODE]: 'A file with bytes that are not valid UTF-8.',
  'yaml-syntax': 'A YAML syntax error in a glossary file.',
  'invalid-type': 'A glossary value of the wrong type.',
  'missing-key': 'A glossary entry without a required key.',
  'invalid-id': 'A glossary id that is not lower-case letters, digits, dots, dashes and underscores.',
  'invalid-kind': 'A glossary entry of an unknown kind.',
  'unknown-key': 'A glossary key that the format does not define (custom keys start with x-).',
  'duplicate-key': 'A key written twice in the same glossary mapping.',
  'duplicate-id': 'A glossary id defined more than once.',
  'ambiguous-form': 'The same written form on two glossary entries.',
  'unknown-reference': 'A use or related id that names no glossary entry.',
  'deprecated-without-use': 'A deprecated term without the term to use instead.',
  'invalid-date': 'A glossary date that is not YYYY, YYYY-MM or YYYY-MM-DD.',
  'reversed-dates': 'A role that ends before it starts.',
  'empty-form': 'A written form that has no letters or digits.',
  'invalid-status': 'A term status other than preferred, admitted or deprecated.',
  'invalid-case': 'A case rule other than auto, sensitive or insensitive.',
  'file-too-large': 'A glossary file too large to read.',
  'binary-content': 'A glossary file that is binary, not YAML.',
  'too-many-aliases': 'A glossary that expands too many YAML aliases.',
  'nesting-too-deep': 'A glossary nested too deeply.',
  'unsupported-tag': 'A YAML tag that glossaries do not support.',
  'stale-entries': 'A glossary file that does not parse; its last good entries are kept.',
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
  const known: string[] = [...new Set<string>([...DOCUMENT_DIAGNOSTIC_CODES, INVALID_ENCODING_CODE, ...GLOSSARY_PROBLEM_CODES])];
  const ruleIds = [...known, ...[...seen].filter((code) => !known.includes(code)).sort(compareStrings)];
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  const rules = ruleIds.map((id) => ({
    id,
    shortDescription: { text: RULE_DESCRIPTIONS[id] ?? `Policy Gloss check '${id}'.` },
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

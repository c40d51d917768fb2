import { languageAt } from './diagnostics';
import { ambiguousCard, entryCard, unknownNumberCard, unknownOfficialCard } from './hoverCards';
import type { GlossaryEntry } from './glossary/model';
import { escapeMarkdown } from './markdown';
import { locate } from './navigation';
import type { Hover } from './results';
import type { PolicyService } from './service';
import type { Position, TextFile } from './types';

/** The card for whatever is at the position: an entry, an ambiguous reference, or something the glossary lacks. */
export function getHover(service: PolicyService, file: TextFile, position: Position): Hover | undefined {
  const target = locate(service, file, position);
  if (!target) return undefined;
  switch (target.type) {
    case 'entry': {
      const inGlossary = service.hasGlossaryFile(file.uri);
      const analyzed = inGlossary ? undefined : service.analyzed(file);
      const documentDate = analyzed?.analysis.date;
      // Role titles come in the language of the paragraph being read.
      const lang = analyzed ? languageAt(analyzed.analysis, analyzed.lineMap.offsetAt(position)) : undefined;
      const markdown = entryCard(target.entry, {
        glossary: service.getGlossary(),
        roots: service.getRoots(),
        realUri: service.realUri,
        documentDate,
        lang,
        counts: service.countsOf(target.entry.id),
        decode: (n) => service.decodeNumber(n),
      });
      return { markdown, range: target.range };
    }
    case 'ambiguous': {
      const entries = target.reference.entryIds.map((id) => service.getEntry(id)).filter((e): e is GlossaryEntry => !!e);
      return { markdown: ambiguousCard(target.reference.text, entries), range: target.range };
    }
    case 'candidate': {
      const c = target.candidate;
      const markdown = c.kind === 'official' ? unknownOfficialCard(c.title, c.name ?? c.text) : unknownNumberCard(c.text, service.decodeNumber(c.text));
      return { markdown, range: target.range };
    }
    case 'unknown-annotation':
      return { markdown: `No glossary entry has the id **${escapeMarkdown(target.annotation.id)}**.`, range: target.annotation.idSpan.range };
  }
}

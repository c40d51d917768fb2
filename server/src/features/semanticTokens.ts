import { SemanticTokensBuilder, type Connection, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import { guard, type ServerContext } from '../serverContext';
import { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES } from './convert';

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: SEMANTIC_TOKEN_TYPES, tokenModifiers: SEMANTIC_TOKEN_MODIFIERS };

/** One token per mention, typed by entry kind; deprecated terms carry the `deprecated` modifier. */
export function registerSemanticTokens(connection: Connection, context: ServerContext): void {
  connection.languages.semanticTokens.on(
    guard(context, 'semanticTokens', { data: [] }, (params): SemanticTokens => {
      const file = context.getTextFile(params.textDocument.uri);
      if (!file) return { data: [] };
      const builder = new SemanticTokensBuilder();
      const tokens = context.service.getSemanticTokens(file).sort((a, b) => a.line - b.line || a.character - b.character);
      for (const t of tokens) builder.push(t.line, t.character, t.length, SEMANTIC_TOKEN_TYPES.indexOf(t.kind), t.deprecated ? 1 : 0);
      return builder.build();
    }),
  );
}

/**
 * Glossary text is user content shown in hovers: escape everything Markdown or HTML could interpret,
 * so that it is displayed as written and cannot form links, images or HTML.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&~"']/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '\\' + c));
}

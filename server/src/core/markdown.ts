/**
 * Glossary text is user content shown in hovers: escape everything Markdown or HTML could interpret,
 * so that it is displayed as written and cannot form links, images or HTML.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&~"']/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '\\' + c));
}

const LINK = /(!?)\[((?:[^\[\]\\]|\\.)*)\]\(\s*<?((?:[^()\s<>]|\([^()\s]*\))*)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
const REFERENCE_DEFINITION = /^([ \t]{0,3})\[((?:[^\[\]\\]|\\.)+)\]:/gm;

/**
 * Renders a glossary summary as Markdown while keeping it inert: HTML is shown as text, images are
 * reduced to their alt text (no remote fetches), and only http(s) links stay links; `command:`,
 * `javascript:`, `file:` and relative targets lose their link and keep their text.
 */
export function sanitizeMarkdown(text: string): string {
  const withLinks = text.replace(LINK, (_whole, bang: string, label: string, target: string) => {
    if (bang || !/^https?:\/\//i.test(target)) return label;
    return `[${label}](${target.replace(/[()]/g, (c) => encodeURIComponent(c))})`;
  });
  return withLinks
    // Whatever link syntax the pattern above did not take apart must not form a link either.
    .replace(/\]\((?!https?:\/\/)/gi, ']\\(')
    .replace(REFERENCE_DEFINITION, (_whole, indent: string, label: string) => `${indent}\\[${label}\\]:`)
    .replace(/[&<>]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;'));
}

/**
 * Puts two pieces of HTML in a form where markup that means the same compares equal: attributes
 * sorted, class lists sorted, entities decoded, comments dropped, whitespace collapsed and trimmed
 * around tags, and `<input/>` written as `<input>`. Used to compare React's output with GOV.UK
 * Frontend's reference HTML.
 */
const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'path', 'circle']);
/** Boolean attributes: `checked`, `checked=""` and `checked="checked"` all mean the same. */
const booleanAttributes = new Set(['checked', 'disabled', 'hidden', 'open', 'selected', 'required', 'readonly', 'multiple', 'autofocus', 'novalidate']);

const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ctdot: '\u22ef', copy: '\u00a9' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return namedEntities[entity.toLowerCase()] ?? whole;
  });
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

function normaliseAttributes(source: string): string {
  const attributes: [string, string][] = [];
  const pattern = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  for (const match of source.matchAll(pattern)) {
    const name = match[1]!.toLowerCase();
    let value = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
    if (booleanAttributes.has(name) && (value === '' || value === name)) value = '';
    if (name === 'class') value = value.split(/\s+/).filter(Boolean).sort().join(' ');
    else value = value.replace(/\s+/g, ' ').trim();
    attributes.push([name, value]);
  }
  attributes.sort(([a], [b]) => a.localeCompare(b));
  return attributes.map(([name, value]) => (value === '' && booleanAttributes.has(name) ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`)).join('');
}

/** One token per line: start tags, end tags and text, so a failing test shows a readable diff. */
export function normaliseHtml(html: string): string {
  const tokens: string[] = [];
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
  const pattern = /<\/?([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>|([^<]+)/g;
  for (const match of withoutComments.matchAll(pattern)) {
    if (match[4] !== undefined) {
      const text = decodeEntities(match[4]).replace(/\s+/g, ' ').trim();
      if (text) tokens.push(escapeText(text));
      continue;
    }
    const tag = match[1]!.toLowerCase();
    if (match[0].startsWith('</')) {
      if (!voidElements.has(tag)) tokens.push(`</${tag}>`);
      continue;
    }
    tokens.push(`<${tag}${normaliseAttributes(match[2] ?? '')}>`);
    if (match[3] === '/' && !voidElements.has(tag)) tokens.push(`</${tag}>`);
  }
  return tokens.join('\n');
}

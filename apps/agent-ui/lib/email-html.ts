import DOMPurify from 'dompurify';

export interface SanitizedEmailHtml {
  html: string;
  /** How many remote images or backgrounds were held back. */
  blockedRemote: number;
}

const URL_ATTRIBUTES = ['src', 'srcset', 'background', 'poster'];
const FORBIDDEN_TAGS = ['form', 'input', 'button', 'select', 'textarea', 'link', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'script', 'svg', 'math'];
const CSS_URL = /url\(\s*(['"]?)(.*?)\1\s*\)/gi;

/** True for addresses that would make the browser fetch something from the internet (tracking pixels, remote images). */
export function isRemoteUrl(url: string): boolean {
  const value = url.trim().toLowerCase();
  return value.startsWith('http:') || value.startsWith('https:') || value.startsWith('//') || value.startsWith('ftp:');
}

/** Replaces remote `url(...)` in CSS with `none` unless remote content is allowed; returns the CSS and how many were replaced. */
export function neutralizeCssUrls(css: string, allowRemote: boolean): { css: string; blocked: number } {
  let blocked = 0;
  const result = css.replace(CSS_URL, (match, _quote: string, url: string) => {
    if (allowRemote || !isRemoteUrl(url)) return match;
    blocked += 1;
    return 'none';
  });
  return { css: result, blocked };
}

/**
 * Sanitizes an email's HTML with DOMPurify (no scripts, event handlers, forms, frames or
 * `javascript:` links) and holds back remote images until the agent consents. Browser only.
 */
export function sanitizeEmailHtml(html: string, options: { allowRemote: boolean }): SanitizedEmailHtml {
  const purifier = DOMPurify(window);
  let blockedRemote = 0;
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (!(node instanceof Element)) return;
    for (const attribute of URL_ATTRIBUTES) {
      const value = node.getAttribute(attribute);
      if (value && !options.allowRemote && (isRemoteUrl(value) || (attribute === 'srcset' && /https?:|\/\//i.test(value)))) {
        node.removeAttribute(attribute);
        node.setAttribute(`data-blocked-${attribute}`, 'remote');
        blockedRemote += 1;
      }
    }
    const style = node.getAttribute('style');
    if (style) {
      const neutral = neutralizeCssUrls(style, options.allowRemote);
      blockedRemote += neutral.blocked;
      node.setAttribute('style', neutral.css);
    }
    if (node.tagName === 'A') {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer nofollow');
    }
  });
  purifier.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'style' && node.textContent) {
      const neutral = neutralizeCssUrls(node.textContent, options.allowRemote);
      blockedRemote += neutral.blocked;
      node.textContent = neutral.css.replace(/@import[^;]*;?/gi, '');
    }
  });
  const clean = purifier.sanitize(html, { FORBID_TAGS: FORBIDDEN_TAGS, FORBID_ATTR: ['formaction', 'action', 'ping'], ALLOW_DATA_ATTR: false, WHOLE_DOCUMENT: false });
  return { html: String(clean), blockedRemote };
}

/** The iframe document: a strict Content-Security-Policy (no scripts at all; remote images only with consent) around the sanitized body. */
export function buildEmailDocument(bodyHtml: string, allowRemote: boolean): string {
  const images = allowRemote ? "img-src data: https: http:" : 'img-src data:';
  const policy = `default-src 'none'; ${images}; style-src 'unsafe-inline'; font-src data:; script-src 'none'; form-action 'none'`;
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
    '<base target="_blank">',
    '<style>html,body{margin:0}body{padding:16px;font:14px/1.55 ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#0f172a;overflow-wrap:anywhere}img{max-width:100%;height:auto}blockquote{margin:0 0 0 .5em;padding-left:.75em;border-left:3px solid #e2e8f0;color:#475569}table{max-width:100%}</style>',
    `</head><body>${bodyHtml}</body></html>`,
  ].join('');
}

const CID_SOURCE = /(\bsrc\s*=\s*["']?)cid:([^"'\s>]+)/gi;

/** The Content-IDs an email's HTML shows inline (`<img src="cid:…">`), without duplicates. */
export function inlineContentIds(html: string): string[] {
  const ids = new Set<string>();
  for (const match of html.matchAll(CID_SOURCE)) ids.add(match[2]!);
  return [...ids];
}

/** Points `cid:` images at the data URLs loaded for them; unknown ones are left as they are. */
export function replaceContentIds(html: string, dataUrls: Record<string, string>): string {
  return html.replace(CID_SOURCE, (match, prefix: string, id: string) => (dataUrls[id] ? `${prefix}${dataUrls[id]}` : match));
}

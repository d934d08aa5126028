import { describe, expect, it } from 'vitest';
import { buildEmailDocument, inlineContentIds, isRemoteUrl, neutralizeCssUrls, replaceContentIds } from './email-html';

describe('isRemoteUrl', () => {
  it('recognises addresses the browser would fetch from the network', () => {
    expect(isRemoteUrl('https://tracker.example/pixel.gif')).toBe(true);
    expect(isRemoteUrl(' HTTP://example.com/a.png')).toBe(true);
    expect(isRemoteUrl('//cdn.example.com/logo.png')).toBe(true);
  });

  it('keeps inline and embedded content local', () => {
    expect(isRemoteUrl('data:image/png;base64,AAAA')).toBe(false);
    expect(isRemoteUrl('cid:logo@example')).toBe(false);
  });
});

describe('neutralizeCssUrls', () => {
  it('replaces remote CSS urls until the agent allows remote content', () => {
    const css = "background:url('https://example.com/bg.png') no-repeat; border-image: url(data:image/png;base64,AA)";
    expect(neutralizeCssUrls(css, false)).toEqual({ css: 'background:none no-repeat; border-image: url(data:image/png;base64,AA)', blocked: 1 });
    expect(neutralizeCssUrls(css, true)).toEqual({ css, blocked: 0 });
  });
});

describe('buildEmailDocument', () => {
  it('forbids scripts and remote images by Content-Security-Policy', () => {
    const document = buildEmailDocument('<p>Hello</p>', false);
    expect(document).toContain("script-src 'none'");
    expect(document).toContain('img-src data:;');
    expect(document).toContain('<body><p>Hello</p></body>');
  });

  it('lets remote images load once allowed', () => {
    expect(buildEmailDocument('', true)).toContain('img-src data: https: http:');
  });
});

describe('inline images', () => {
  const html = '<img src="cid:logo@acme"><p>Hi</p><img src=\'cid:photo.1\'><img src="cid:logo@acme">';

  it('lists each cid image once', () => {
    expect(inlineContentIds(html)).toEqual(['logo@acme', 'photo.1']);
  });

  it('swaps known cid sources for data URLs', () => {
    expect(replaceContentIds(html, { 'logo@acme': 'data:image/png;base64,AA' })).toBe('<img src="data:image/png;base64,AA"><p>Hi</p><img src=\'cid:photo.1\'><img src="data:image/png;base64,AA">');
  });
});

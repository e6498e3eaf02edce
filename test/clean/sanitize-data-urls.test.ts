import { describe, expect, it } from 'vitest';
import { sanitizeContent } from '../../src/clean/sanitize.js';

const base = 'https://example.com/posts/x/';
const PIXEL = 'iVBORw0KGgo=';

describe('data: URLs in images (raster image types only)', () => {
  it.each(['png', 'jpeg', 'gif', 'webp', 'avif'])('keeps a data:image/%s source', (type) => {
    const out = sanitizeContent(`<img src="data:image/${type};base64,${PIXEL}" alt="a">`, { baseUrl: base });
    expect(out).toContain(`src="data:image/${type};base64,${PIXEL}"`);
  });

  it.each([
    'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+',
    'data:image/svg+xml,%3Csvg%20onload%3Dalert(1)%3E',
    'DATA:IMAGE/SVG+XML;base64,PHN2Zz4=',
    ' data:image/svg+xml;base64,PHN2Zz4=',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'data:application/javascript,alert(1)',
    'data:,alert(1)',
    'data:image/pngx;base64,AAAA',
  ])('drops the source %s', (url) => {
    const out = sanitizeContent(`<img src="${url}" alt="a">`, { baseUrl: base });
    expect(out).not.toMatch(/data:/i);
    expect(out).toContain('alt="a"');
  });

  it('drops a non-raster data: candidate from srcset and keeps the others', () => {
    const out = sanitizeContent(`<img src="a.png" srcset="data:image/svg+xml;base64,PHN2Zz4= 1x, b.png 2x">`, { baseUrl: base });
    expect(out).not.toMatch(/svg/i);
    expect(out).toContain('srcset="https://example.com/posts/x/b.png 2x"');
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleFile, pathAliases } from '../../src/site/module-paths.js';
import { makeTree } from '../helpers/project.js';

describe("a site's module specifiers, as its bundler resolves them", () => {
  const root = makeTree({
    'tsconfig.json': '{\n  /* block comment with "./x/*" in it */\n  "compilerOptions": {\n    "baseUrl": "src",\n    "paths": { "@lib/*": ["lib/*"], "$site": ["../site.config.ts"], },\n  },\n}\n',
    'site.config.ts': 'export default {};\n',
    'src/lib/config/index.ts': 'export const SITE = {};\n',
    'src/components/x.ts': '',
    'src/pages/rss.ts': '',
  });
  const from = path.join(root, 'src/pages/rss.ts');

  it('reads paths relative to baseUrl from JSON with comments and trailing commas', () => {
    expect(pathAliases(root)).toEqual([
      ['@lib/*', [path.join(root, 'src/lib/*')]],
      ['$site', [path.join(root, 'site.config.ts')]],
    ]);
  });

  it('an exact alias, a one-star alias (with /index.ts), a relative path; a package or a missing file is nothing', () => {
    expect(moduleFile(root, from, '$site')).toBe(path.join(root, 'site.config.ts'));
    expect(moduleFile(root, from, '@lib/config')).toBe(path.join(root, 'src/lib/config/index.ts'));
    expect(moduleFile(root, from, '../components/x')).toBe(path.join(root, 'src/components/x.ts'));
    expect(moduleFile(root, from, 'astro:content')).toBeUndefined();
    expect(moduleFile(root, from, '@lib/missing')).toBeUndefined();
  });

  it('a bare specifier resolves from baseUrl, as TypeScript resolves it (Vercel\'s starter imports app/blog/source), unless no such site file exists', () => {
    const site = makeTree({ 'tsconfig.json': '{ "compilerOptions": { "baseUrl": "." } }\n', 'app/blog/source.ts': '', 'app/blog/[slug]/page.tsx': '' });
    const page = path.join(site, 'app/blog/[slug]/page.tsx');
    expect(moduleFile(site, page, 'app/blog/source')).toBe(path.join(site, 'app/blog/source.ts'));
    expect(moduleFile(site, page, 'next/navigation')).toBeUndefined();
    expect(moduleFile(makeTree({ 'app/blog/source.ts': '', 'a.ts': '' }), page, 'app/blog/source')).toBeUndefined();
  });

  it('without aliases, @/ and ~/ stand for the site root or its src/', () => {
    const bare = makeTree({ 'src/config.ts': '', 'a.ts': '' });
    expect(moduleFile(bare, path.join(bare, 'a.ts'), '@/config')).toBe(path.join(bare, 'src/config.ts'));
    expect(pathAliases(bare)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/pipeline/load.js';
import { resolvePaths } from '../../src/pipeline/paths.js';
import { makeTree, TEST_NOW, testConfig } from '../helpers/project.js';

/*
 * Astro 5's content layer: a collection's glob() loader names its entries. Shapes of real sites:
 * a theme whose posts collection is the whole content folder minus some folders (negative
 * patterns), and AstroPaper's `**\/[^_]*.md` under a base written as a template of a constant.
 */
const POST = '---\ntitle: A post\npubDate: 2024-05-01\n---\n\nText.\n';

async function load(files: Record<string, string>, articles: string) {
  const cwd = makeTree({ 'package.json': JSON.stringify({ dependencies: { astro: '^5.0.0' } }), ...files }, 'feedwright-astro-glob-');
  const loaded = await loadArticles(resolvePaths({ cwd, articles, config: testConfig({ cache: false }) }), TEST_NOW);
  const notPosts = loaded.diagnostics.filter((d) => d.code === 'META_NOT_A_POST').map((d) => [d.file, d.message]);
  return { published: loaded.articles.map((a) => a.relPath).sort(), notPosts, errors: loaded.diagnostics.filter((d) => d.severity === 'error') };
}

describe("Astro: only the posts collection's glob entries are posts", () => {
  it('negative patterns leave folders out, before they are read (a page without a title is no error)', async () => {
    const r = await load(
      {
        'src/content.config.ts':
          "import { glob } from 'astro/loaders'\nconst posts = defineCollection({\n  loader: glob({ pattern: ['**/*.{md,mdx}', '!**/about/**'], base: './src/content' }),\n})\nconst about = defineCollection({\n  loader: glob({ pattern: '**/*.mdx', base: './src/content/about' }),\n})\nexport const collections = { posts, about }\n",
        'src/content/notes/a.md': POST,
        'src/content/about/about.mdx': '---\nlang: en\n---\n\nAbout me.\n',
      },
      'src/content',
    );
    expect(r.published).toEqual(['notes/a.md']);
    expect(r.notPosts).toEqual([
      [
        'src/content/about/about.mdx',
        'This is a file the "posts" collection\'s glob pattern leaves out (src/content.config.ts), not a post; it is not an item.',
      ],
    ]);
    expect(r.errors).toEqual([]);
  });

  it("AstroPaper: `**/[^_]*.{md,mdx}` under a base written as a template of a constant leaves `_`-files out; the folder's other collections do not apply", async () => {
    const r = await load(
      {
        'src/content.config.ts':
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture is the site's TypeScript, whose template literal is read as text
          'export const BLOG_PATH = "src/data/blog";\nconst blog = defineCollection({\n  loader: glob({ pattern: "**/[^_]*.{md,mdx}", base: `./${BLOG_PATH}` }),\n});\nexport const collections = { blog, pages: defineCollection({ loader: glob({ pattern: "*.md", base: "./src/pages" }) }) };\n',
        'src/data/blog/first.md': POST,
        'src/data/blog/2024/second.md': POST,
        'src/data/blog/_template.md': POST,
      },
      'src/data/blog',
    );
    expect(r.published).toEqual(['2024/second.md', 'first.md']);
    expect(r.notPosts.map(([file]) => file)).toEqual(['src/data/blog/_template.md']);
  });

  it('a computed pattern or base, or no content config: every Markdown file is a post, as before', async () => {
    const r = await load(
      {
        'src/content.config.ts': "const blog = defineCollection({ loader: glob({ pattern: PATTERNS, base: './src/content/blog' }) })\n",
        'src/content/blog/a.md': POST,
        'src/content/blog/_b.md': POST,
      },
      'src/content/blog',
    );
    expect(r.published).toEqual(['_b.md', 'a.md']);
  });
});

describe("Astro: the collection schemas' keys are the site's own", () => {
  it('a key the schema declares (abbrlink) is no unknown key; one it does not declare still is', async () => {
    const cwd = makeTree(
      {
        'package.json': JSON.stringify({ dependencies: { astro: '^5.0.0' } }),
        'src/content.config.ts':
          "const posts = defineCollection({\n  loader: glob({ pattern: '**/*.md', base: './src/content/posts' }),\n  schema: z.object({\n    title: z.string(),\n    // a comment: key: no\n    abbrlink: z.string().optional().default('').refine((a) => !a || /^[a-z]+$/.test(a), { message: 'x: y' }),\n    pin: z.number().int().min(0),\n  }),\n})\n",
        'src/content/posts/a.md': '---\ntitle: A\npubDate: 2024-05-01\nabbrlink: a\npin: 1\nmood: happy\n---\n\nText.\n',
      },
      'feedwright-astro-schema-',
    );
    const paths = resolvePaths({ cwd, articles: 'src/content/posts', config: testConfig({ cache: false }) });
    // Top-level keys only: not the `message` inside refine(), not a comment's "key:".
    expect(paths.loaded.config.siteInfo?.frontMatterKeys).toEqual(['abbrlink', 'pin', 'title']);
    const loaded = await loadArticles(paths, TEST_NOW);
    expect(loaded.diagnostics.filter((d) => d.code === 'FM_UNKNOWN_KEY').map((d) => d.message)).toEqual(['Unknown front matter key "mood" is ignored.']);
  });

  it("a schema that extends a named one (schema: ({ image }) => baseSchema.extend({…})) has both objects' keys, not a nested object's", () => {
    const cwd = makeTree(
      {
        'package.json': JSON.stringify({ dependencies: { astro: '^5.0.0' } }),
        'src/content.config.ts':
          "const baseSchema = z.object({\n  title: z.string(),\n});\nconst post = defineCollection({\n  loader: glob({ base: './content/posts', pattern: '**/*.md' }),\n  schema: ({ image }) =>\n    baseSchema.extend({\n      coverImage: z.object({ alt: z.string(), src: image() }).optional(),\n      pinned: z.boolean().default(false),\n    }),\n});\n",
        'content/posts/a.md': POST,
      },
      'feedwright-astro-schema-',
    );
    const paths = resolvePaths({ cwd, articles: 'content/posts', config: testConfig({ cache: false }) });
    expect(paths.loaded.config.siteInfo?.frontMatterKeys).toEqual(['coverimage', 'pinned', 'title']);
  });
});

describe('Astro: a folder with an index.md is two entries, not a listing page', () => {
  it('a/index.md is the entry a, a/b.md the entry a/b: both posts', async () => {
    const r = await load({ 'src/content/blog/guide/index.md': POST, 'src/content/blog/guide/part-two.md': POST }, 'src/content/blog');
    expect([r.published, r.notPosts]).toEqual([['guide/index.md', 'guide/part-two.md'], []]);
  });
});

describe('Astro: a route whose folder and file take the entry id apart', () => {
  const CONFIG = 'import { glob } from "astro/loaders";\nconst blog = defineCollection({ loader: glob({ pattern: "**/*.md", base: "./content/posts" }) });\nexport const collections = { posts: blog };\n';
  const ASTRO = '{ "dependencies": { "astro": "^5.0.0" } }';
  async function links(route: string) {
    const cwd = makeTree(
      {
        'package.json': ASTRO,
        'astro.config.mjs': 'export default defineConfig({ site: "https://blog.example", trailingSlash: "never" });\n',
        'src/content.config.ts': CONFIG,
        'src/pages/[category]/[slug].astro': route,
        'src/pages/[category]/[...page].astro': '---\nconst entries = await getCollection("posts");\n---\n',
        'content/posts/diary/first.md': POST,
      },
      'feedwright-astro-split-',
    );
    const loaded = await loadArticles(resolvePaths({ cwd, articles: 'content/posts', config: testConfig({ cache: false }) }), TEST_NOW);
    return loaded.articles.map((a) => a.link.value);
  }

  it('`[category]/[slug].astro` with params from entry.id.split("/") serves the entry at /<id>, not under its collection', async () => {
    const split = '---\nexport const getStaticPaths = async () => {\n  const entries = await getCollection("posts");\n  return entries.map((entry) => {\n    const category = entry.id.split("/")[0];\n    const slug = entry.id.split("/")[1];\n    return { params: { slug, category }, props: { entry } };\n  });\n};\n---\n';
    expect(await links(split)).toEqual(['https://blog.example/diary/first']);
    const destructured = '---\nexport async function getStaticPaths() {\n  const posts = await getCollection("posts");\n  return posts.map((post) => {\n    const [category, slug] = post.id.split("/");\n    return { params: { category: category, slug: slug }, props: { post } };\n  });\n}\n---\n';
    expect(await links(destructured)).toEqual(['https://blog.example/diary/first']);
  });

  it('a route that makes its parameters another way is not read so (the collection default stays)', async () => {
    const other = '---\nexport const getStaticPaths = async () => {\n  const entries = await getCollection("posts");\n  return entries.map((entry) => ({ params: { category: entry.data.category, slug: entry.data.slug }, props: { entry } }));\n};\n---\n';
    expect(await links(other)).toEqual(['https://blog.example/posts/diary/first']);
  });
});

describe("Astro: an entry's slug may be a path", () => {
  it('`slug: 2024/new-blog` (a [...slug] route) is the link; the item keeps its file name as its slug (id), and a path climbing out is still an error', async () => {
    const cwd = makeTree(
      {
        'package.json': '{ "dependencies": { "astro": "^4.0.0" } }',
        'astro.config.ts': 'export default defineConfig({ site: "https://blog.example" });\n',
        'src/content/config.ts': 'const blog = defineCollection({ schema: z.object({ title: z.string(), pubDate: z.coerce.date() }) });\nexport const collections = { blog };\n',
        'src/pages/blog/[...slug].astro': '---\nexport async function getStaticPaths() {\n  const posts = await getCollection("blog");\n  return posts.map((post) => ({ params: { slug: post.slug }, props: post }));\n}\n---\n',
        'src/content/blog/2024-01-02-new.md': '---\ntitle: New blog\npubDate: 2024-01-02\nslug: 2024/new-blog\n---\n\nText.\n',
        'src/content/blog/2024-01-03-bad.md': '---\ntitle: Bad\npubDate: 2024-01-03\nslug: 2024/../../x\n---\n\nText.\n',
      },
      'feedwright-astro-path-slug-',
    );
    const loaded = await loadArticles(resolvePaths({ cwd, articles: 'src/content/blog', config: testConfig({ cache: false }) }), TEST_NOW);
    expect(loaded.articles.map((a) => [a.link.value, a.slug.value])).toEqual([['https://blog.example/blog/2024/new-blog/', '2024-01-02-new']]);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.file])).toEqual([['META_SLUG_INVALID', 'src/content/blog/2024-01-03-bad.md']]);
  });
});

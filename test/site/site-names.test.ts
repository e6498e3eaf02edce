import { describe, expect, it } from 'vitest';
import { resolvePaths } from '../../src/pipeline/paths.js';
import { makeTree } from '../helpers/project.js';

/*
 * The site's name where its generator's own feed finds it when the config has no `title`:
 * Jekyll's `name` (jekyll-feed: `site.title | default: site.name`), Zola's root section title.
 */
const POST = '---\ntitle: First post\ndate: 2024-03-05\n---\n\nThe body of the first post.\n';

describe("the site's name when its config has no title", () => {
  it('Jekyll: `name` is the title when there is no `title` (as jekyll-feed reads it), not the author', () => {
    const cwd = makeTree({ '_config.yml': 'name: Tool • Simple, fast builds\ndescription: Releases.\nurl: https://tool.example\n', '_posts/2024-03-05-first.md': POST });
    const { loaded } = resolvePaths({ cwd, articles: '_posts' });
    expect(loaded.config.title).toBe('Tool • Simple, fast builds');
    expect(loaded.fromSite?.values.author).toBeUndefined();
  });

  it('Jekyll: with a `title`, `name` is still the site owner (Minimal Mistakes)', () => {
    const cwd = makeTree({ '_config.yml': 'title: Notes\nname: Kim Owner\nurl: https://mm.example\n', '_posts/2024-03-05-first.md': POST });
    const { loaded } = resolvePaths({ cwd, articles: '_posts' });
    expect([loaded.config.title, loaded.config.author]).toEqual(['Notes', { name: 'Kim Owner' }]);
  });

  it("Zola: the root section's title and description (content/_index.md) when config.toml has none", () => {
    const cwd = makeTree({
      'config.toml': 'base_url = "https://blog.example"\n',
      'content/_index.md': '+++\ntitle = "Project Blog"\ndescription = "News from the project."\nsort_by = "date"\n+++\n',
      'content/first.md': '+++\ntitle = "First"\ndate = 2024-03-05\n+++\nBody.\n',
    });
    const { loaded } = resolvePaths({ cwd, articles: 'content' });
    expect([loaded.config.title, loaded.config.description]).toEqual(['Project Blog', 'News from the project.']);
    const titled = makeTree({
      'config.toml': 'base_url = "https://blog.example"\ntitle = "Site"\n',
      'content/_index.md': '+++\ntitle = "Project Blog"\n+++\n',
      'content/first.md': '+++\ntitle = "First"\ndate = 2024-03-05\n+++\nBody.\n',
    });
    expect(resolvePaths({ cwd: titled, articles: 'content' }).loaded.config.title).toBe('Site');
  });
});

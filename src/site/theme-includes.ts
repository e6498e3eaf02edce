/**
 * Include files of widely used Jekyll themes that a site gets from the theme's gem or from
 * `remote_theme`, so they are not in its folder: `{% include video id="…" provider="youtube" %}`
 * of Minimal Mistakes, `{% include embed/youtube.html id='…' %}` of Chirpy. Each is written here
 * anew, in Liquid, for a feed: what the theme's file shows, without its scripts and players (a
 * feed reader runs neither), so a video is a link to it and a gallery its images. Used only when
 * the site names that theme (`theme:` or `remote_theme:` in _config.yml) and has no include file
 * of that name itself (its own wins, as in Jekyll).
 *
 * Sources, read for what each include shows (arguments and output), not copied: Minimal Mistakes
 * 4.x `_includes/video`, `figure`, `gallery` ("Helpers" in its documentation); Chirpy 7.x
 * `_includes/embed/*.html` ("Writing a New Post": "Embed media").
 */

/** A video or audio page a theme's embed names, as a link: provider → URL made from the id. */
const videoCase = (arg: string, providers: readonly [string, string, string][]): string =>
  [
    `{%- case ${arg} -%}`,
    ...providers.map(([name, url, label]) => `{%- when "${name}" -%}<a href="${url}">${label}</a>`),
    '{%- endcase -%}',
  ].join('');

const MINIMAL_MISTAKES: Record<string, string> = {
  video: videoCase('include.provider', [
    ['youtube', 'https://www.youtube.com/watch?v={{ include.id | url_encode }}', 'Video on YouTube'],
    ['vimeo', 'https://vimeo.com/{{ include.id | url_encode }}', 'Video on Vimeo'],
    ['google-drive', 'https://drive.google.com/file/d/{{ include.id | url_encode }}/view', 'Video on Google Drive'],
    ['bilibili', 'https://www.bilibili.com/video/{{ include.id | url_encode }}', 'Video on Bilibili'],
  ]),
  figure: [
    '<figure>',
    '{%- if include.popup -%}<a href="{{ include.image_path | relative_url }}">{%- endif -%}',
    '<img src="{{ include.image_path | relative_url }}" alt="{{ include.alt | escape }}">',
    '{%- if include.popup -%}</a>{%- endif -%}',
    '{%- if include.caption -%}<figcaption>{{ include.caption }}</figcaption>{%- endif -%}',
    '</figure>',
  ].join(''),
  // The images the page's front matter lists under `gallery` (or under the include's `id`).
  gallery: [
    '{%- if include.id -%}{%- assign gallery = page[include.id] -%}{%- else -%}{%- assign gallery = page.gallery -%}{%- endif -%}',
    '<figure>',
    '{%- for img in gallery -%}',
    '{%- if img.url -%}<a href="{{ img.url | relative_url }}"{% if img.title %} title="{{ img.title | escape }}"{% endif %}>{%- endif -%}',
    '<img src="{{ img.image_path | relative_url }}" alt="{{ img.alt | escape }}">',
    '{%- if img.url -%}</a>{%- endif -%}',
    '{%- endfor -%}',
    '{%- if include.caption -%}<figcaption>{{ include.caption }}</figcaption>{%- endif -%}',
    '</figure>',
  ].join(''),
};

const CHIRPY: Record<string, string> = {
  'embed/youtube.html': videoCase('"youtube"', [['youtube', 'https://www.youtube.com/watch?v={{ include.id | url_encode }}', 'Video on YouTube']]),
  'embed/bilibili.html': videoCase('"bilibili"', [['bilibili', 'https://www.bilibili.com/video/{{ include.id | url_encode }}', 'Video on Bilibili']]),
  'embed/twitch.html': videoCase('"twitch"', [['twitch', 'https://www.twitch.tv/videos/{{ include.id | url_encode }}', 'Video on Twitch']]),
  'embed/spotify.html': videoCase('"spotify"', [['spotify', 'https://open.spotify.com/{{ include.id }}', 'Listen on Spotify']]),
  'embed/video.html': '<a href="{{ include.src | relative_url }}">{% if include.title %}{{ include.title | escape }}{% else %}Video{% endif %}</a>',
  'embed/audio.html': '<a href="{{ include.src | relative_url }}">{% if include.title %}{{ include.title | escape }}{% else %}Audio{% endif %}</a>',
};

/** The themes, by what their name in `theme:` / `remote_theme:` contains. */
const THEMES: readonly { name: RegExp; includes: Record<string, string> }[] = [
  // `remote_theme: mmistakes/minimal-mistakes@4.27.3`, `theme: minimal-mistakes-jekyll`.
  { name: /minimal-mistakes/i, includes: MINIMAL_MISTAKES },
  // `theme: jekyll-theme-chirpy`, `remote_theme: cotes2020/jekyll-theme-chirpy`.
  { name: /jekyll-theme-chirpy/i, includes: CHIRPY },
];

/** The text of include `name` of the theme a site names (its `theme` or `remote_theme`), when feedwright has one. */
export function themeInclude(theme: string | undefined, name: string): string | undefined {
  if (!theme) return undefined;
  const includes = THEMES.find((t) => t.name.test(theme))?.includes;
  return includes && Object.hasOwn(includes, name) ? includes[name] : undefined;
}

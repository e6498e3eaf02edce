/** Small builders for HTML test pages; every test makes its own page. */

export interface PageParts {
  head?: string;
  body: string;
  lang?: string;
}

export function page({ head = '', body, lang }: PageParts): string {
  return `<!DOCTYPE html><html${lang ? ` lang="${lang}"` : ''}><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

export function jsonLd(data: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(data)}</script>`;
}

/** Distinct, sentence-like paragraphs long enough for an extractor to take them for body. */
export function paragraphs(n: number, topic = 'river'): string[] {
  return Array.from(
    { length: n },
    (_, i) =>
      `Paragraph ${i + 1} about the ${topic}: the council met on a wet morning, weighed the engineers' report, and agreed that the ${topic} works would go ahead in stages over the next ${i + 2} years, with a public review after each stage.`,
  );
}

export function article(paras: string[]): string {
  return `<article><div class="article-body">${paras.map((p) => `<p>${p}</p>`).join('\n')}</div></article>`;
}

/**
 * Whether reading an article depended on the build's clock.
 *
 * Text and HTML articles may hold relative or partial dates ("2 hours ago", "yesterday",
 * "March 5") that are read against the build time. Such a result must not be cached: the same
 * file means a different date tomorrow. The date readers that take a reference date
 * (`findTextDate`, `parseHtmlDate`) are the only places the clock enters a read, so each reports
 * its answer here. While a probe is open, the reader reads the same short text again against a
 * second reference, and a different answer marks the read as clock-dependent.
 *
 * Everything between those readers and the article is a pure function of their answers, so if
 * every answer is the same for both references, the whole read is. Only date strings are read
 * twice, not the page (before, the whole article was parsed a second time, Readability and all).
 *
 * The probe is module state: reads are synchronous, and each worker thread has its own copy.
 */

interface Probe {
  other: Date;
  dependent: boolean;
}

let open: Probe | undefined;

/** Run `read` with a probe open; `other` is the second reference date the readers compare against. */
export function probeClock<T>(other: Date, read: () => T): { result: T; clockDependent: boolean } {
  const outer = open;
  const probe: Probe = { other, dependent: false };
  open = probe;
  try {
    return { result: read(), clockDependent: probe.dependent };
  } finally {
    open = outer;
  }
}

/**
 * Called by a date reader with the answer it read against its reference: while a probe is open,
 * reads again against the probe's other reference and notes whether the answer changed. Returns
 * `answer` unchanged.
 */
export function checkReference<T>(answer: T, readAgainst: (reference: Date) => T, same: (a: T, b: T) => boolean): T {
  const probe = open;
  if (probe === undefined || probe.dependent) return answer;
  open = undefined; // the second read must not report to the probe itself
  try {
    if (!same(answer, readAgainst(probe.other))) probe.dependent = true;
  } finally {
    open = probe;
  }
  return answer;
}

/** Equal dates, or both missing. */
export function sameInstant(a: Date | undefined, b: Date | undefined): boolean {
  return a === undefined || b === undefined ? a === b : a.getTime() === b.getTime();
}

// The benchmark's large spec, shared by the benchmark page and the parity check.

/** 30 criteria × 6 options, the largest spec allowed, with fixed pseudo-random scores. */
export function largeSpec() {
  let seed = 7;
  const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const options = Array.from({ length: 6 }, (_, i) => ({
    id: `option-${i + 1}`, name: `Option ${i + 1}`, best_for: [`Teams that need strength ${i + 1}.`],
  }));
  const criteria = Array.from({ length: 30 }, (_, c) => ({
    id: `criterion-${c + 1}`,
    name: `Criterion number ${c + 1}`,
    note: `Why criterion ${c + 1} matters, in one line of rationale.`,
    scores: Object.fromEntries(options.map((o) => [o.id, Math.round(next() * 100) / 10])),
    priority: c % 6,
  }));
  return { title: 'Thirty criteria, six options', summary: 'The largest card a spec may describe.', options, criteria,
    cta: { label: 'Talk to us', href: 'https://example.com/' } };
}

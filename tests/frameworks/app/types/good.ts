// The element from plain TypeScript: found by tag, `spec` typed, each event's detail typed.
import { load, setWasmUrl, type ComparisonCardSpec } from 'comparison-card';

const spec: ComparisonCardSpec = {
  title: 'A vs B',
  options: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B', best_for: ['Teams'] }],
  criteria: [{ id: 'x', name: 'X', scores: { a: 3, b: 8 }, priority: 4 }],
  cta: { label: 'Go', href: 'https://example.com/', carry: true },
};

const card = document.querySelector('comparison-card');
if (card) {
  card.spec = spec;
  card.spec = JSON.stringify(spec);
  card.addEventListener('verdictchange', (event) => {
    const leader: string | null = event.detail.leader;
    const total: number | null | undefined = event.detail.totals['a'];
    console.log(leader, total, event.detail.tipping.map((point) => point.at));
  });
  card.addEventListener('click', (event) => console.log(event.clientX));
}
const made: HTMLElementTagNameMap['comparison-card'] = document.createElement('comparison-card');
made.spec = null;
setWasmUrl(new URL('comparison-card.wasm', location.href));
const ready: Promise<boolean> = load();
console.log(ready);

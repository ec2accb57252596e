// An author writing a spec imports the development build: a spec with a mistake shows what is
// wrong, not only where. The package resolves `comparison-card/dev` to it, with its own wasm.
import 'comparison-card/dev';
import { makeSpec } from './spec.js';

const spec = makeSpec('Being written');
spec.criteria[0].scores[spec.options[0].id] = 11;
const card = document.createElement('comparison-card');
card.id = 'card';
card.spec = spec;
document.querySelector('#app').append(card);

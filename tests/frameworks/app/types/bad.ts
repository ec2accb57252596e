// Must NOT type-check: a number is not a spec.
const card = document.createElement('comparison-card');
card.spec = 42;
export {};

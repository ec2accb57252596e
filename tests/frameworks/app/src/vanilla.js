import { defined } from 'comparison-card';
import { makeSpec } from './spec.js';

const app = document.querySelector('#app');
app.innerHTML = '<button id="rename">Rename</button> <output id="events">0</output>';
const card = document.createElement('comparison-card');
card.id = 'card';
card.spec = makeSpec('From plain state');
card.addEventListener('prioritychange', () => {
  const events = document.querySelector('#events');
  events.textContent = String(Number(events.textContent) + 1);
});
document.querySelector('#rename').addEventListener('click', () => {
  card.spec = makeSpec('Renamed in plain state');
});
app.append(card);
window.__definedByPackage = defined;

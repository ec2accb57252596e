import { useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'comparison-card';
import { makeSpec } from './spec.js';

function App() {
  const [title, setTitle] = useState('From React state');
  const [events, setEvents] = useState(0);
  const spec = useMemo(() => makeSpec(title), [title]);
  return (
    <>
      <button id="rename" onClick={() => setTitle('Renamed in React state')}>Rename</button>
      <output id="events">{events}</output>
      <comparison-card id="card" spec={spec} onprioritychange={() => setEvents((n) => n + 1)} />
    </>
  );
}

createRoot(document.querySelector('#app')).render(<App />);

// The spec every page shows, with the title its framework's state holds.
export function makeSpec(title) {
  return {
    title,
    options: [{ id: 'node', name: 'Node.js' }, { id: 'python', name: 'Python' }],
    criteria: [
      { id: 'concurrency', name: 'Concurrency', scores: { node: 10, python: 7 } },
      { id: 'ai-ml', name: 'AI / ML ecosystem', scores: { node: 5, python: 10 } },
    ],
  };
}


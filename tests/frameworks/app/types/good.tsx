// The element in React 19's JSX: `spec`, attributes and `on<event>` handlers typed.
import type {} from 'comparison-card/react';
import type { ComparisonCardSpec } from 'comparison-card';

export function Compare({ spec }: { spec: ComparisonCardSpec }) {
  return (
    <comparison-card
      spec={spec}
      theme="dark"
      share
      loading="eager"
      analytics="datalayer"
      onprioritychange={(event) => console.log(event.detail.priorities['x'])}
      onverdictchange={(event) => console.log(event.detail.leader)}
    />
  );
}

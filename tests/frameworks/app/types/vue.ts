// Vue's GlobalComponents entry type-checks against Vue's own types.
import type {} from 'comparison-card/vue';
import type { GlobalComponents } from 'vue';

export type Card = GlobalComponents['comparison-card'];

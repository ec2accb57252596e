import { createApp, reactive } from 'vue';
import 'comparison-card';
import App from './App.vue';

createApp(App).mount('#app');

// For the test: Vue's own reactive(), to hand the card directly.
window.__vueReactive = reactive;

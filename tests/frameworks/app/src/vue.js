import { createApp } from 'vue';
import 'comparison-card';
import App from './App.vue';

createApp(App).mount('#app');

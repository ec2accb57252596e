// One app, three pages (plain JavaScript, React 19, Vue 3) and one for the development build,
// built and served on Vite 7 and on the
// current Vite by `cargo xtask test`, with the packed comparison-card installed.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [
    react(),
    // Vue renders <comparison-card> as an element of the page, not a Vue component.
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'comparison-card' } } }),
  ],
  build: {
    rollupOptions: { input: ['vanilla.html', 'react.html', 'vue.html', 'dev.html'] },
  },
  logLevel: 'warn',
});

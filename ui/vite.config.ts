/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The api serves the built app from classpath:/static/, so the build writes straight into
// target/classes/static and Maven packages it as static/index.html and static/assets/*.
const api = 'http://localhost:8080';

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    assetsDir: 'assets',
    // The BPMN modeler (camunda-bpmn-js) is one chunk of about 2.7 MB, loaded only by the editor.
    chunkSizeWarningLimit: 3000,
  },
  // Component tests (vitest + Testing Library) render pages against a mocked network.
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.tsx', 'test/**/*.test.ts'],
  },
  server: {
    proxy: {
      '/api': api,
      '/v3': api,
    },
  },
});

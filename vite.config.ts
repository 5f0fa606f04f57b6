/**
 * Vite configuration of the classroom page (src/app). `npm run app` serves it on localhost;
 * `npm run build:app` writes a static site to dist/app with relative URLs, so any static host (or a
 * folder opened through a local web server) can serve it. Everything is bundled: no CDN, works offline.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const repositoryRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('./src/app', import.meta.url)),
  base: './',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('./dist/app', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: 'es' },
  server: {
    host: '127.0.0.1',
    port: 5173,
    // The page imports the bundled scenarios and the exercises from outside its root.
    fs: { allow: [repositoryRoot] },
  },
  preview: { host: '127.0.0.1', port: 4173 },
});

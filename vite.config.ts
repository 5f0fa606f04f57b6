/**
 * Vite configuration of the classroom page (src/app). `npm run app` serves it on localhost;
 * `npm run build:app` writes ONE self-contained file, dist/app/index.html: the page's script, its
 * styles and the simulation worker (bundled as a classic script and inlined, started from a Blob URL)
 * are all inside it. It therefore works opened straight from disk (file://), from any static host, or
 * offline: no CDN, no other file.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const repositoryRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * Inline the built entry script and style sheet into index.html and drop them from the output.
 * Browsers refuse module scripts loaded from file:// (CORS), but run an inline script; `</script`
 * inside the code is escaped so the HTML parser does not end the element early.
 */
function singleFilePage(): Plugin {
  return {
    name: 'zonesim-single-file-page',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = bundle['index.html'];
      if (!html || html.type !== 'asset') return;
      let text = String(html.source);
      for (const [fileName, output] of Object.entries(bundle)) {
        const reference = new RegExp(`\\./${fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
        if (output.type === 'chunk' && output.isEntry) {
          const tag = new RegExp(`<script type="module"[^>]*src="${reference.source}"[^>]*></script>`);
          if (!tag.test(text)) continue;
          const code = output.code.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');
          text = text.replace(tag, () => `<script type="module">\n${code}\n</script>`);
          delete bundle[fileName];
        } else if (output.type === 'asset' && fileName.endsWith('.css')) {
          const tag = new RegExp(`<link rel="stylesheet"[^>]*href="${reference.source}"[^>]*>`);
          if (!tag.test(text)) continue;
          text = text.replace(tag, () => `<style>\n${String(output.source).replace(/<\/style/gi, '<\\/style')}\n</style>`);
          delete bundle[fileName];
        }
      }
      html.source = text;
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('./src/app', import.meta.url)),
  base: './',
  publicDir: false,
  plugins: [singleFilePage()],
  build: {
    outDir: fileURLToPath(new URL('./dist/app', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    // One file: no preload helper links, every style in the one sheet that is inlined.
    modulePreload: false,
    cssCodeSplit: false,
    assetsInlineLimit: Number.MAX_SAFE_INTEGER,
  },
  // Classic worker: inlined and started from a Blob URL, which also works from file://.
  worker: { format: 'iife' },
  server: {
    host: '127.0.0.1',
    port: 5173,
    // The page imports the bundled scenarios and the exercises from outside its root.
    fs: { allow: [repositoryRoot] },
  },
  preview: { host: '127.0.0.1', port: 4173 },
});

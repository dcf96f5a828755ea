import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const fromRoot = (...parts: string[]): string => resolve(root, ...parts);
const pkg = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { version: string };

/**
 * The CSP in renderer/index.html is written for the built files. The Vite dev server
 * injects CSS with <style> tags and talks HMR over a WebSocket, so only while serving
 * we relax style-src and connect-src; the production build keeps the strict policy.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'cti:relax-csp-for-dev-server',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* http://localhost:*");
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Dependencies (node_modules) and node built-ins stay external, as electron-vite does
      // by default; our own code (main/telservices, common/) is bundled in.
      externalizeDeps: true,
      rollupOptions: {
        input: { index: fromRoot('main/index.ts') },
      },
    },
  },
  preload: {
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require() only `electron` (and a few built-ins): bundle every
      // dependency (zod for the contract schemas, ...) into the one file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: fromRoot('preload/index.ts') },
        // A sandboxed preload cannot load ES modules: emit CommonJS with a .cjs name,
        // since package.json says "type": "module".
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: fromRoot('renderer'),
    plugins: [svelte({ configFile: fromRoot('svelte.config.js') }), relaxCspForDevServer()],
    build: {
      outDir: fromRoot('out/renderer'),
      rollupOptions: {
        // pop.html: the desktop shell's screen-pop window (main/app/pop-window.ts);
        // dial.html: the tray's Dial… box.
        input: {
          index: fromRoot('renderer/index.html'),
          pop: fromRoot('renderer/pop.html'),
          dial: fromRoot('renderer/dial.html'),
        },
      },
    },
  },
});

// Shared by the Vite build (electron.vite.config.ts passes it explicitly, since
// the renderer root is renderer/, not the repo root), vitest and svelte-check.
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/vite-plugin-svelte').SvelteConfig} */
export default {
  // No global `runes: true`: it would also apply to component libraries in node_modules.
  // Our components use runes ($props, $state), which switches each of them to runes mode.
  preprocess: vitePreprocess(),
};

// First: no eval probe by zod under the CSP.
import './lib/zod-jitless';
import { mount } from 'svelte';
import App from './App.svelte';
import { browserNotifier } from './lib/browser-notifier';
import { getCti } from './lib/cti';
import './app.css';

const target = document.getElementById('app');
if (target === null) throw new Error('renderer/index.html has no #app element');

// In Electron the shell raises its own notifications; a browser tab (web mode) raises the browser's.
const inElectron = typeof (globalThis as { cti?: unknown }).cti === 'object';
export default mount(App, { target, props: { cti: getCti(), notifier: inElectron ? undefined : browserNotifier() } });

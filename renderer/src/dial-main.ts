/**
 * The desktop dial window's page (the tray's Dial…): C1's DialBox with directory matches as you
 * type, on its own CtiStore. It closes itself after a successful dial or on Esc.
 */
import './lib/zod-jitless';
import { mount } from 'svelte';
import DialWindow from './components/dial/DialWindow.svelte';
import { getCti } from './lib/cti';
import { CtiStore } from './lib/cti-store.svelte';
import './app.css';

const target = document.getElementById('dial');
if (target === null) throw new Error('renderer/dial.html has no #dial element');

// The dial page exists only in the desktop app, where the preload provides window.cti.
const cti = getCti();
if (cti === undefined) throw new Error('renderer/dial.html needs the desktop app (no window.cti)');
const store = new CtiStore(cti);
export default mount(DialWindow, { target, props: { store, onDone: () => window.close() } });

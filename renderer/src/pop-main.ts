/**
 * The desktop screen-pop window's page: the same PopStack as the main window, standalone on its
 * own CtiStore (main/app/pop-window.ts shows and hides the window; the stack shows what rings).
 */
import { mount } from 'svelte';
import PopStack from './components/pop/PopStack.svelte';
import { getCti } from './lib/cti';
import { CtiStore } from './lib/cti-store.svelte';
import './app.css';

const target = document.getElementById('pop');
if (target === null) throw new Error('renderer/pop.html has no #pop element');

// The pop page exists only in the desktop app, where the preload provides window.cti.
const cti = getCti();
if (cti === undefined) throw new Error('renderer/pop.html needs the desktop app (no window.cti)');
const store = new CtiStore(cti);
export default mount(PopStack, { target, props: { store } });

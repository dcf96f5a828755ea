import { mount } from 'svelte';
import App from './App.svelte';
import { getCti } from './lib/cti';
import './app.css';

const target = document.getElementById('app');
if (target === null) throw new Error('renderer/index.html has no #app element');

export default mount(App, { target, props: { cti: getCti() } });

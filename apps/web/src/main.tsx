import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import { loadLang, loadLanguage } from './lib/i18n.js';
import { hasKeptSession } from './lib/api.js';
import { App, preloadPageOf } from './ui/App.js';
import './styles.css';

// zod (loaded with the pages that check a form) is never to compile a validator with `new Function`: the CSP
// (script-src 'self') refuses it anyway, but zod's probe for it was reported as a CSP violation (DevTools' Issues,
// Lighthouse's best practices). zod takes its settings from this global when it loads, after this line.
(globalThis as { __zod_globalConfig?: { jitless?: boolean } }).__zod_globalConfig = { jitless: true };

// The service worker that opens the app with no connection (vite.config.ts); a new version takes over at once.
if ('serviceWorker' in navigator) registerSW({ immediate: true });

// A signed-in tab opening a page by its address fetches that page's chunk now, not after the first render.
if (hasKeptSession(window.sessionStorage)) preloadPageOf(window.location.pathname);

// The person's language is loaded before the first paint (English is built in), so no page flashes in English first.
const render = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
loadLanguage(loadLang(window.localStorage, navigator.languages)).then(render, render);

import './styles/index.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setApiLocale } from './api/client.ts';
import { App } from './app/App.tsx';
import { storedLocale } from './i18n/I18nProvider.tsx';

const locale = storedLocale();
setApiLocale(locale);
document.documentElement.lang = locale;

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// The installable app (ADR 0015): the service worker keeps the app shell for offline use, never API replies.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  });
}

createRoot(root).render(
  <StrictMode>
    <App initialLocale={locale} />
  </StrictMode>,
);

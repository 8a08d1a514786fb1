import '../styles/fonts.css';
import '../styles/console.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../lib/i18n';
import { readStoredLanguage } from '../lib/preferences';
import { ConsoleApp } from './app';

void initI18n(readStoredLanguage()).then(() => {
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from admin.html');
  createRoot(root).render(
    <StrictMode>
      <ConsoleApp />
    </StrictMode>,
  );
});

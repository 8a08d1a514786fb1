import 'antd-mobile/es/global';
import '../styles/fonts.css';
import '../styles/h5.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { restoreElderlyMode } from '../lib/elderly-mode';
import { initI18n } from '../lib/i18n';
import { readStoredLanguage } from '../lib/preferences';
import { H5App } from './app';

restoreElderlyMode();

void initI18n(readStoredLanguage()).then(() => {
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <H5App />
    </StrictMode>,
  );
});

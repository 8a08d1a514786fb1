import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { PRIVACY_NOTICE } from '../content/privacy';

/** The privacy notice the registration consents link to; `#sensitive_data` etc. scroll to a section. */
export default function PrivacyPage() {
  const { t } = useTranslation();
  const notice = PRIVACY_NOTICE[currentLanguage()];
  useDocumentTitle(notice.title, t('app.name'));
  const { hash } = useLocation();

  useEffect(() => {
    if (hash) document.getElementById(hash.slice(1))?.scrollIntoView();
  }, [hash]);

  return (
    <article className="privacy">
      <h1 className="h5-page-title">{notice.title}</h1>
      <p className="h5-muted">{notice.version}</p>
      <p>{notice.intro}</p>
      {notice.sections.map((section) => (
        <section key={section.id} id={section.id} className="h5-section" aria-labelledby={`${section.id}-title`}>
          <h2 id={`${section.id}-title`}>{section.title}</h2>
          {section.paragraphs.map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
        </section>
      ))}
    </article>
  );
}

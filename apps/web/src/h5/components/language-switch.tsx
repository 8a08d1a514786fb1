import { useTranslation } from 'react-i18next';
import { UI_LANGS } from '@duodi/contracts';
import { useLanguage } from '../../features/account/hooks/use-preferences';

/** 中文 / བོད་ཡིག / English: each option is named in its own language and script. */
export function LanguageSwitch({ onLight = false }: { onLight?: boolean }) {
  const { t } = useTranslation();
  const { language, changeLanguage } = useLanguage();
  return (
    <div role="group" aria-label={t('lang.label')} className={`lang-switch${onLight ? ' lang-switch--on-light' : ''}`}>
      {UI_LANGS.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="lang-option"
          aria-pressed={language === option}
          onClick={() => void changeLanguage(option)}
        >
          {t(`lang.options.${option}`)}
        </button>
      ))}
    </div>
  );
}

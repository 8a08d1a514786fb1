import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { UI_LANGS } from '@duodi/contracts';
import { useLanguage } from '../../features/account/hooks/use-preferences';

/** 中文 / བོད་ཡིག / English, the same buttons (and accessible names) as on the H5. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, changeLanguage } = useLanguage();
  return (
    <Space.Compact className="console-lang-switch" role="group" aria-label={t('lang.label')}>
      {UI_LANGS.map((option) => (
        <Button
          key={option}
          lang={option}
          className="lang-option"
          type={language === option ? 'primary' : 'default'}
          aria-pressed={language === option}
          onClick={() => void changeLanguage(option)}
        >
          {t(`lang.options.${option}`)}
        </Button>
      ))}
    </Space.Compact>
  );
}

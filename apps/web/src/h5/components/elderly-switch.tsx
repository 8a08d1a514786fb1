import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useElderlyMode } from '../../features/account/hooks/use-preferences';

/** The one-tap 长辈版 switch (DR-24). Its name stays "长辈版"; the state is said in words as well. */
export function ElderlySwitch() {
  const { t } = useTranslation();
  const { enabled, toggle } = useElderlyMode();
  const labelId = useId();
  const stateId = useId();
  return (
    <button
      type="button"
      role="switch"
      aria-checked={enabled}
      aria-labelledby={labelId}
      aria-describedby={stateId}
      className="elderly-switch"
      onClick={toggle}
    >
      <span>
        <span id={labelId} className="elderly-switch__label">
          {t('elderly.label')}
        </span>
        <span id={stateId} className="elderly-switch__state">
          {enabled ? t('elderly.on') : t('elderly.hint')}
        </span>
      </span>
      <span className="elderly-switch__knob" aria-hidden="true" />
    </button>
  );
}

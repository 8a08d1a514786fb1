import { useTranslation } from 'react-i18next';
import { emergencyCalls } from '../model';

/**
 * DR-19: an emergency is not a volunteer service. The server's words (which number to call) stay
 * as they are, and each number becomes a large tel: link.
 */
export function EmergencyGuidance({ message, calls }: { message?: string; calls?: readonly ('110' | '119' | '120')[] }) {
  const { t } = useTranslation();
  const numbers = calls && calls.length > 0 ? calls : emergencyCalls(message ?? '');
  const shown = numbers.length > 0 ? numbers : (['110', '119', '120'] as const);
  return (
    <div role="alert" className="emergency-guidance">
      <p className="emergency-guidance__title">{t('orders.emergency.title')}</p>
      {message && <p>{message}</p>}
      <ul className="emergency-guidance__calls">
        {shown.map((call) => (
          <li key={call}>
            <a href={`tel:${call}`} className="emergency-guidance__call">
              {t(`orders.emergency.call${call}`)}
            </a>
          </li>
        ))}
      </ul>
      <p className="h5-muted">{t('orders.emergency.after')}</p>
    </div>
  );
}

import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Me } from '@duodi/contracts';
import { hasRole, isVolunteer } from '../../lib/roles';
import { Section } from './section';

/** Issue 5 entries on the home and 我的 pages: hours, points, rewards, the QR for merchants; the merchant's redemption page. */
export function HoursEntries({ me }: { me: Me }) {
  const { t } = useTranslation();
  const volunteer = isVolunteer(me) || Boolean(me.volunteerId);
  const merchant = hasRole(me, 'merchant');
  if (!volunteer && !merchant) return null;
  return (
    <Section title={t('hours.home.title')}>
      <div className="h5-actions">
        {merchant && (
          <Link className="h5-button-link" to="/merchant">
            {t('hours.merchant.entry')}
          </Link>
        )}
        {volunteer && (
          <>
            <Link className="h5-button-link" to="/me/hours">
              {t('hours.mine.entry')}
            </Link>
            <Link className="h5-button-link h5-button-link--ghost" to="/rewards">
              {t('hours.rewards.title')}
            </Link>
            <Link className="h5-button-link h5-button-link--ghost" to="/me/qr">
              {t('hours.qr.title')}
            </Link>
          </>
        )}
      </div>
    </Section>
  );
}

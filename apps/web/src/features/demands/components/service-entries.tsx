import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Me } from '@duodi/contracts';
import { Section } from '../../../h5/components/section';
import { hasRole, isVolunteer, scopesOf } from '../../../lib/roles';

/**
 * Home entries to the menu-style service, by role (links only: this sits in the first bundle and
 * loads nothing). Residents order, volunteers take offers, grid workers take orders for residents,
 * team leaders claim for their team.
 */
export function ServiceEntries({ me }: { me: Me | null }) {
  const { t } = useTranslation();
  const resident = hasRole(me, 'resident');
  const gridStaff = hasRole(me, 'grid_worker');
  const leader = scopesOf(me, 'team_leader').length > 0;
  return (
    <Section title={t('orders.home.title')}>
      <div className="h5-actions">
        <Link className="h5-button-link" to="/services">
          {resident ? t('orders.menu.orderCta') : t('orders.menu.title')}
        </Link>
        {me && resident && (
          <Link className="h5-button-link h5-button-link--ghost" to="/orders">
            {t('orders.mine.title')}
          </Link>
        )}
        {me && isVolunteer(me) && me.volunteerId && (
          <Link className="h5-button-link h5-button-link--ghost" to="/offers">
            {t('offers.title')}
          </Link>
        )}
        {leader && (
          <Link className="h5-button-link h5-button-link--ghost" to="/team-demands">
            {t('orders.team.title')}
          </Link>
        )}
        {gridStaff && (
          <>
            <Link className="h5-button-link h5-button-link--ghost" to="/proxy-order">
              {t('orders.proxy.title')}
            </Link>
            <Link className="h5-button-link h5-button-link--ghost" to="/intake">
              {t('intake.title')}
            </Link>
            <Link className="h5-button-link h5-button-link--ghost" to="/grid-orders">
              {t('orders.grid.title')}
            </Link>
          </>
        )}
      </div>
    </Section>
  );
}

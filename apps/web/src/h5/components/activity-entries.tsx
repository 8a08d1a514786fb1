import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Me } from '@duodi/contracts';
import { useCampaigns } from '../../features/visits/api/visits';
import { hasRole, isVolunteer } from '../../lib/roles';
import { Section } from './section';

/** Home entries to activities, check-in and (grid workers) the visit log and the care plans due. */
export function ActivityEntries({ me }: { me: Me | null }) {
  const { t } = useTranslation();
  const gridWorker = Boolean(me && hasRole(me, 'grid_worker'));
  // Volunteers of a team running a door-to-door campaign log visits too (布谷响铃): the entry shows while one is active.
  const campaigns = useCampaigns({ enabled: Boolean(me && isVolunteer(me)) && !gridWorker });
  const onCampaign = (campaigns.data?.items ?? []).some((c) => c.active);
  return (
    <Section title={t('activities.home.title')}>
      <div className="h5-actions">
        <Link className="h5-button-link" to="/activities">
          {t('activities.title')}
        </Link>
        {me && isVolunteer(me) && (
          <>
            <Link className="h5-button-link h5-button-link--ghost" to="/me/activities">
              {t('activities.mine.title')}
            </Link>
            <Link className="h5-button-link h5-button-link--ghost" to="/check-in">
              {t('activities.scan.title')}
            </Link>
          </>
        )}
        {!gridWorker && onCampaign && (
          <Link className="h5-button-link h5-button-link--ghost" to="/visits/new">
            {t('visits.title')}
          </Link>
        )}
        {gridWorker && (
          <>
            <Link className="h5-button-link h5-button-link--ghost" to="/visits/new">
              {t('visits.title')}
            </Link>
            <Link className="h5-button-link h5-button-link--ghost" to="/care-plans">
              {t('carePlans.h5.title')}
            </Link>
          </>
        )}
      </div>
    </Section>
  );
}

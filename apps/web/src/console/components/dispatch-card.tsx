import { useId } from 'react';
import { Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DemandListItem, Me } from '@duodi/contracts';
import { shortId } from '../../features/dispatch/format';
import type { DispatchLookups } from './dispatch-lookups';
import { currentLanguage } from '../../lib/i18n';
import { langAttr, localName } from '../../lib/localize';
import { DispatchActions } from './dispatch-actions';
import { DeadlineBadge, UrgencyTag } from './dispatch-parts';
import { StatusTag } from './status-tag';

/** The name of a demand's service item in the UI language (the id when the item is unknown to the menu). */
export function useItemName(lookups: DispatchLookups) {
  const language = currentLanguage();
  return (serviceItemId: string) => {
    const item = lookups.items.get(serviceItemId);
    return item ? localName(item, language) : { text: serviceItemId, lang: language };
  };
}

/** One demand on the board: item, place, urgency, deadline cue, slots, and the caller's steps inline. */
export function DispatchCard({
  demand,
  me,
  lookups,
  now,
  onOpen,
}: {
  demand: DemandListItem;
  me: Me;
  lookups: DispatchLookups;
  now: number;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const titleId = useId();
  const item = useItemName(lookups)(demand.serviceItemId);
  const grid = lookups.grids.get(demand.gridId);
  const community = lookups.communities.get(demand.communityId);
  const team = demand.teamId ? lookups.teams.get(demand.teamId) : undefined;
  return (
    <Card size="small" className="dispatch-card" role="article" aria-labelledby={titleId} style={{ marginBottom: 8 }}>
      <h3 id={titleId} style={{ fontSize: 15, margin: '0 0 4px' }}>
        <span lang={langAttr(item, language)}>{item.text}</span> <small>· {t('dispatch.card.no', { no: shortId(demand.id) })}</small>
      </h3>
      <p style={{ margin: '0 0 4px' }}>
        {community ? localName(community, language).text : ''}
        {grid ? ` · ${localName(grid, language).text}` : ''}
      </p>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, marginBottom: 4 }}>
        <UrgencyTag urgency={demand.urgency} />
        <DeadlineBadge demand={demand} now={now} />
        {demand.overdue && <StatusTag tone="danger">{t('dispatch.card.overdueBadge')}</StatusTag>}
        {demand.feeFlag && <StatusTag tone="warning">{t('dispatch.card.feeFlag')}</StatusTag>}
        {demand.reworkCount > 0 && <StatusTag tone="warning">{t('dispatch.card.rework')}</StatusTag>}
      </div>
      {team && <p style={{ margin: '0 0 4px' }}>{t('dispatch.card.team', { team: localName(team, language).text })}</p>}
      <p style={{ margin: '0 0 4px' }}>
        {t('dispatch.card.slots', { accepted: demand.volunteerIds.length, needed: demand.volunteersNeeded })}
      </p>
      {demand.rating !== null && <p style={{ margin: '0 0 4px' }}>{t('dispatch.card.rating', { score: demand.rating })}</p>}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, alignItems: 'flex-start' }}>
        <Button size="small" onClick={() => onOpen(demand.id)}>
          {t('dispatch.actions.details')}
        </Button>
        <DispatchActions demand={demand} me={me} lookups={lookups} />
      </div>
    </Card>
  );
}

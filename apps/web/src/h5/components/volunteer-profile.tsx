import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { VolunteerProfile } from '@duodi/contracts';
import { useCommunities, useCommunity } from '../../features/organization/api/get-communities';
import { useTeams } from '../../features/organization/api/get-teams';
import { formatDate, formatNumber, minutesToHours } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { localName, scriptLang } from '../../lib/localize';
import { AvailabilityList } from './availability-editor';
import { Localized } from './localized';
import { Section } from './section';
import { StarLevel } from './star-level';

/** The volunteer's own record (志愿者档案): number, place, teams, skills, hours, insurance. */
export function VolunteerProfileSections({ profile }: { profile: VolunteerProfile }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const communities = useCommunities();
  const community = useCommunity(profile.communityId ?? undefined);
  const teams = useTeams();
  const communityItem = communities.data?.items.find((c) => c.id === profile.communityId);
  const grid = community.data?.grids.find((g) => g.id === profile.gridId);

  return (
    <>
      <Section title={t('volunteer.profile.record')}>
        <dl className="fact-list">
          <div>
            <dt>{t('fields.volunteerNo')}</dt>
            <dd className="volunteer-no">{profile.volunteerNo}</dd>
          </div>
          <div>
            <dt>{t('volunteer.form.realName')}</dt>
            <dd lang={scriptLang(profile.name)}>{profile.name}</dd>
          </div>
          {profile.nameBo && (
            <div>
              <dt>{t('volunteer.form.nameBo')}</dt>
              <dd lang="bo">{profile.nameBo}</dd>
            </div>
          )}
          {(profile.gender || profile.age !== null) && (
            <div>
              <dt>{t('volunteer.profile.genderAge')}</dt>
              <dd>
                {[
                  profile.gender ? t(`gender.${profile.gender}`) : null,
                  profile.age !== null ? t('volunteer.profile.age', { count: profile.age }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </dd>
            </div>
          )}
          {profile.idNumberMasked && (
            <div>
              <dt>{profile.idType ? t(`idTypes.${profile.idType}`) : t('fields.idNumber')}</dt>
              <dd>{profile.idNumberMasked}</dd>
            </div>
          )}
          {profile.phoneMasked && (
            <div>
              <dt>{t('fields.phone')}</dt>
              <dd>{profile.phoneMasked}</dd>
            </div>
          )}
          <div>
            <dt>{t('volunteer.profile.place')}</dt>
            <dd>
              {communityItem ? <Localized value={localName(communityItem, language)} /> : t('common.none')}
              {grid && (
                <>
                  {' · '}
                  <Localized value={localName(grid, language)} />
                </>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('volunteer.profile.registeredAt')}</dt>
            <dd>{formatDate(profile.registeredAt, language)}</dd>
          </div>
          {profile.guardian && (
            <div>
              <dt>{t('volunteer.form.guardian')}</dt>
              <dd>
                {[profile.guardian.name, profile.guardian.phoneMasked].filter(Boolean).join(' ')} ·{' '}
                {t('volunteer.profile.guardianConsentAt', { date: formatDate(profile.guardian.consentAt, language) })}
              </dd>
            </div>
          )}
        </dl>
        <div className="h5-actions">
          <Link className="h5-button-link h5-button-link--ghost" to="/me/edit">
            {t('volunteer.profile.edit')}
          </Link>
        </div>
      </Section>

      <Section title={t('volunteer.profile.service')}>
        <dl className="fact-list">
          <div>
            <dt>{t('fields.star')}</dt>
            <dd>
              <StarLevel star={profile.star} />
            </dd>
          </div>
          <div>
            <dt>{t('fields.hours')}</dt>
            <dd>{t('common.hours', { value: formatNumber(minutesToHours(profile.verifiedMinutes), language) })}</dd>
          </div>
        </dl>
      </Section>

      <Section title={t('h5.home.myTeams')}>
        {profile.teams.length === 0 ? (
          <p className="h5-muted">{t('h5.home.noTeams')}</p>
        ) : (
          <ul className="link-list my-teams">
            {profile.teams.map((team) => {
              const full = teams.data?.items.find((item) => item.id === team.id);
              return (
                <li key={team.id}>
                  <Link to={`/teams/${team.id}`}>
                    <span className="link-list__main">
                      <Localized className="link-list__title" value={localName(full ?? { name: team.name }, language)} />
                      <span className="link-list__meta">{t(`teamRoles.${team.role}`)}</span>
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
        <div className="h5-actions">
          <Link className="h5-button-link h5-button-link--ghost" to="/me/applications">
            {t('applications.title')}
          </Link>
          <Link className="h5-button-link h5-button-link--ghost" to="/teams">
            {t('volunteer.profile.findTeams')}
          </Link>
        </div>
      </Section>

      <Section title={t('volunteer.form.skillsAndLanguages')}>
        <h3>{t('fields.skills')}</h3>
        {profile.skills.length > 0 ? (
          <ul className="tag-row">
            {profile.skills.map((skill) => (
              <li key={skill}>{t(`skills.${skill}`)}</li>
            ))}
          </ul>
        ) : (
          <p className="h5-muted">{t('common.none')}</p>
        )}
        <h3>{t('fields.languages')}</h3>
        <ul className="tag-row">
          {profile.languages.map((lang) => (
            <li key={lang}>{t(`spokenLanguages.${lang}`)}</li>
          ))}
        </ul>
        <h3>{t('volunteer.form.availabilityTitle')}</h3>
        <AvailabilityList value={profile.availability} />
      </Section>

      <Section title={t('volunteer.profile.insurance')}>
        {profile.insurance.length === 0 ? (
          <p className="h5-muted">{t('volunteer.profile.noInsurance')}</p>
        ) : (
          <ul className="link-list">
            {profile.insurance.map((record) => (
              <li key={record.id} className="info-row">
                <span className="link-list__main">
                  <span className="link-list__title">
                    {record.insurer} · {record.policyNo}
                  </span>
                  <span className="link-list__meta">
                    {t('volunteer.profile.insuranceValid', {
                      from: formatDate(record.validFrom, language),
                      to: formatDate(record.validTo, language),
                    })}{' '}
                    · {record.current ? t('volunteer.profile.insuranceCurrent') : t('volunteer.profile.insuranceExpired')}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}

import { useTranslation } from 'react-i18next';
import type { Availability } from '@duodi/contracts';
import { availabilityProblems, WEEKDAYS } from '../../features/volunteers/registration';

const MAX_WINDOWS = 21;

/** Weekly availability windows: weekday + from/to, native time inputs, each row removable by a named button. */
export function AvailabilityEditor({
  value,
  onChange,
  error,
}: {
  value: Availability[];
  onChange: (next: Availability[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const problems = availabilityProblems(value);
  const update = (index: number, patch: Partial<Availability>) => onChange(value.map((w, i) => (i === index ? { ...w, ...patch } : w)));
  const add = () => {
    const last = value.at(-1);
    const weekday = last ? (last.weekday % 7) + 1 : 6;
    onChange([...value, { weekday, from: last?.from ?? '09:00', to: last?.to ?? '12:00' }]);
  };

  return (
    <fieldset className="availability">
      <legend className="form-field__label">
        {t('volunteer.form.availability')} <span className="form-field__optional">{t('common.optional')}</span>
      </legend>
      <p className="form-field__hint">{t('volunteer.form.availabilityHint')}</p>
      {value.length === 0 && <p className="h5-muted">{t('volunteer.form.noAvailability')}</p>}
      <ol className="availability__list">
        {value.map((window, index) => {
          const problem = problems.get(index);
          const n = index + 1;
          const errorId = `availability-${index}-error`;
          return (
            <li key={index} className="availability__row">
              <span className="availability__number" aria-hidden="true">
                {n}
              </span>
              <div className="availability__fields">
                <label>
                  <span className="availability__label">{t('volunteer.form.weekdayOf', { n })}</span>
                  <select
                    className="h5-input h5-select"
                    value={window.weekday}
                    onChange={(event) => update(index, { weekday: Number(event.target.value) })}
                  >
                    {WEEKDAYS.map((d) => (
                      <option key={d} value={d}>
                        {t(`weekdays.${d}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  <span className="availability__label">{t('volunteer.form.fromOf', { n })}</span>
                  <input
                    className="h5-input"
                    type="time"
                    step={900}
                    value={window.from}
                    aria-invalid={Boolean(problem)}
                    aria-describedby={problem ? errorId : undefined}
                    onChange={(event) => update(index, { from: event.target.value })}
                  />
                </label>
                <label>
                  <span className="availability__label">{t('volunteer.form.toOf', { n })}</span>
                  <input
                    className="h5-input"
                    type="time"
                    step={900}
                    value={window.to}
                    aria-invalid={Boolean(problem)}
                    aria-describedby={problem ? errorId : undefined}
                    onChange={(event) => update(index, { to: event.target.value })}
                  />
                </label>
              </div>
              <button type="button" className="h5-text-button" onClick={() => onChange(value.filter((_, i) => i !== index))}>
                {t('volunteer.form.removeWindow', { n })}
              </button>
              {problem && (
                <p id={errorId} className="h5-error availability__error">
                  {t(problem === 'order' ? 'volunteer.errors.windowOrder' : 'volunteer.errors.windowOverlap')}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {value.length < MAX_WINDOWS && (
        <button type="button" className="h5-secondary-button" onClick={add}>
          {t('volunteer.form.addWindow')}
        </button>
      )}
      {error && <p className="h5-error">{error}</p>}
    </fieldset>
  );
}

/** "周一 09:00–12:00", for profiles. */
export function AvailabilityList({ value }: { value: Availability[] }) {
  const { t } = useTranslation();
  if (value.length === 0) return <p className="h5-muted">{t('volunteer.profile.noAvailability')}</p>;
  const sorted = [...value].sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from));
  return (
    <ul className="tag-row">
      {sorted.map((w, i) => (
        <li key={i}>
          {t(`weekdays.${w.weekday}` as 'weekdays.1')} {w.from}–{w.to}
        </li>
      ))}
    </ul>
  );
}

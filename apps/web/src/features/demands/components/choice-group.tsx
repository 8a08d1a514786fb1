import { useId, type ReactNode } from 'react';

/**
 * One choice among a few, as real radio buttons drawn as large pills (a tick as well as colour),
 * in a fieldset whose legend is the question. Wraps instead of truncating long Tibetan labels.
 */
export function ChoiceGroup<T extends string>({
  legend,
  options,
  value,
  onChange,
  hint,
}: {
  legend: ReactNode;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (next: T) => void;
  hint?: ReactNode;
}) {
  const id = useId();
  return (
    <fieldset className="chip-group choice-group" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="form-field__label">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="form-field__hint">
          {hint}
        </p>
      )}
      <div className="chip-group__options">
        {options.map((option) => {
          const checked = option.value === value;
          return (
            <label key={option.value} className={`chip choice${checked ? ' chip--checked' : ''}`}>
              <input type="radio" name={id} value={option.value} checked={checked} onChange={() => onChange(option.value)} />
              <span aria-hidden="true" className="chip__tick">
                {checked ? '✓' : '○'}
              </span>
              <span>{option.label}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

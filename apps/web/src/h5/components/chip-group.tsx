import { useId, type ReactNode } from 'react';

/**
 * Checkable chips: real checkboxes in a fieldset (legend = the question), styled as large pills.
 * The check state is drawn with a tick as well as colour.
 */
export function ChipGroup<T extends string>({
  legend,
  options,
  value,
  onChange,
  hint,
  error,
}: {
  legend: ReactNode;
  options: readonly { value: T; label: string }[];
  value: readonly T[];
  onChange: (next: T[]) => void;
  hint?: ReactNode;
  error?: ReactNode;
}) {
  const id = useId();
  const toggle = (option: T, on: boolean) =>
    onChange(on ? [...value.filter((v) => v !== option), option] : value.filter((v) => v !== option));
  return (
    <fieldset
      className="chip-group"
      aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].join(' ').trim() || undefined}
    >
      <legend className="form-field__label">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="form-field__hint">
          {hint}
        </p>
      )}
      <div className="chip-group__options">
        {options.map((option) => {
          const checked = value.includes(option.value);
          return (
            <label key={option.value} className={`chip${checked ? ' chip--checked' : ''}`}>
              <input type="checkbox" checked={checked} onChange={(event) => toggle(option.value, event.target.checked)} />
              <span aria-hidden="true" className="chip__tick">
                {checked ? '✓' : '+'}
              </span>
              <span>{option.label}</span>
            </label>
          );
        })}
      </div>
      {error && (
        <p id={`${id}-error`} className="h5-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

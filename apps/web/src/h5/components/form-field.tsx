import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

type Common = {
  label: ReactNode;
  /** Shown under the label, tied to the control with aria-describedby. */
  hint?: ReactNode;
  /** An error in words (never only in colour); sets aria-invalid. */
  error?: ReactNode;
  /** Good news about the value (e.g. the birth date read from an ID), announced politely. */
  note?: ReactNode;
  optional?: ReactNode;
};

function useDescribedBy(hint: ReactNode, error: ReactNode, note: ReactNode) {
  const base = useId();
  const ids = { hint: `${base}-hint`, error: `${base}-error`, note: `${base}-note` };
  const describedBy = [hint ? ids.hint : null, error ? ids.error : null, note ? ids.note : null].filter(Boolean).join(' ') || undefined;
  return { base, ids, describedBy };
}

function Messages({
  ids,
  hint,
  error,
  note,
}: {
  ids: { hint: string; error: string; note: string };
  hint: ReactNode;
  error: ReactNode;
  note: ReactNode;
}) {
  return (
    <>
      {hint && (
        <p id={ids.hint} className="form-field__hint">
          {hint}
        </p>
      )}
      <div aria-live="polite">
        {error && (
          <p id={ids.error} className="h5-error">
            {error}
          </p>
        )}
        {note && !error && (
          <p id={ids.note} className="form-field__note">
            {note}
          </p>
        )}
      </div>
    </>
  );
}

function Label({ htmlFor, label, optional }: { htmlFor: string; label: ReactNode; optional?: ReactNode }) {
  return (
    <label htmlFor={htmlFor} className="form-field__label">
      {label}
      {optional && <span className="form-field__optional"> {optional}</span>}
    </label>
  );
}

/** A labelled text input with its hint and error (the H5 uses native inputs: large, accessible, no pop-ups). */
export function TextField({ label, hint, error, note, optional, id, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const { base, ids, describedBy } = useDescribedBy(hint, error, note);
  const inputId = id ?? `${base}-input`;
  return (
    <div className="form-field">
      <Label htmlFor={inputId} label={label} optional={optional} />
      <input className="h5-input" id={inputId} aria-invalid={Boolean(error)} aria-describedby={describedBy} {...input} />
      <Messages ids={ids} hint={hint} error={error} note={note} />
    </div>
  );
}

export function SelectField({
  label,
  hint,
  error,
  note,
  optional,
  id,
  children,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const { base, ids, describedBy } = useDescribedBy(hint, error, note);
  const selectId = id ?? `${base}-select`;
  return (
    <div className="form-field">
      <Label htmlFor={selectId} label={label} optional={optional} />
      <select className="h5-input h5-select" id={selectId} aria-invalid={Boolean(error)} aria-describedby={describedBy} {...select}>
        {children}
      </select>
      <Messages ids={ids} hint={hint} error={error} note={note} />
    </div>
  );
}

export function TextAreaField({ label, hint, error, note, optional, id, ...area }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { base, ids, describedBy } = useDescribedBy(hint, error, note);
  const areaId = id ?? `${base}-area`;
  return (
    <div className="form-field">
      <Label htmlFor={areaId} label={label} optional={optional} />
      <textarea className="h5-input h5-textarea" id={areaId} aria-invalid={Boolean(error)} aria-describedby={describedBy} {...area} />
      <Messages ids={ids} hint={hint} error={error} note={note} />
    </div>
  );
}

/** A checkbox with its label beside it (consents, "guardian agrees"), large enough for the 长辈版. */
export function CheckField({
  label,
  error,
  checked,
  onChange,
  id,
  children,
}: {
  label: ReactNode;
  error?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  id?: string;
  children?: ReactNode;
}) {
  const base = useId();
  const inputId = id ?? `${base}-check`;
  const errorId = `${base}-error`;
  return (
    <div className="form-field">
      <div className="check-field">
        <input
          type="checkbox"
          id={inputId}
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? errorId : undefined}
        />
        <label htmlFor={inputId}>{label}</label>
      </div>
      {children}
      {error && (
        <p id={errorId} className="h5-error">
          {error}
        </p>
      )}
    </div>
  );
}

import { useId, type ComponentProps } from 'react';

interface TextFieldProps extends Omit<ComponentProps<'input'>, 'id'> {
  label: string;
  /** Shown under the field and announced with it; replaces the hint. */
  error?: string | undefined;
  hint?: string | undefined;
}

export function TextField({ label, error, hint, className, ...inputProps }: TextFieldProps) {
  const id = useId();
  const messageId = `${id}-message`;
  const message = error ?? hint;
  return (
    <div
      className={['field', error !== undefined && 'field--invalid', className]
        .filter(Boolean)
        .join(' ')}
    >
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="field__input"
        aria-invalid={error !== undefined || undefined}
        aria-describedby={message === undefined ? undefined : messageId}
        {...inputProps}
      />
      {message !== undefined && (
        <p id={messageId} className={error !== undefined ? 'field__error' : 'field__hint'}>
          {message}
        </p>
      )}
    </div>
  );
}

import type { ReactNode } from 'react';
import { useId } from 'react';

/**
 * A labelled form control with its validation message (linked by aria-describedby, marked aria-invalid).
 *
 * @example
 * <Field label="Name" error={errors.name}>{(props) => <input {...props} value={form.name} onChange={…} />}</Field>
 */
export function Field({
  label,
  error,
  hint,
  children,
}: {
  readonly label: string;
  readonly error?: string | undefined;
  readonly hint?: string;
  readonly children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode;
}) {
  const id = useId();
  const messageId = `${id}-message`;
  return (
    <div className={`field${error ? ' field-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error !== undefined, 'aria-describedby': error !== undefined || hint !== undefined ? messageId : undefined })}
      {(error ?? hint) !== undefined && (
        <span id={messageId} className={error ? 'error small' : 'muted small'}>
          {error ?? hint}
        </span>
      )}
    </div>
  );
}

import { useRef, useState, type ChangeEvent, type SubmitEvent } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { TextField } from '@/components/text-field';
import { ApiError } from '@/lib/api-client';
import {
  changePasswordFormSchema,
  PASSWORD_MIN_LENGTH,
  useChangePassword,
  type ChangePasswordForm as FormValues,
} from '../api/change-password';

type Field = keyof FormValues;
type FieldErrors = Partial<Record<Field, string>>;

const fields: readonly Field[] = ['currentPassword', 'newPassword', 'confirmPassword'];
const emptyForm: FormValues = { currentPassword: '', newPassword: '', confirmPassword: '' };

/** Changes the signed-in user's password after checking it locally; onChanged runs after success. */
export function ChangePasswordForm({ onChanged }: { onChanged?: () => void }) {
  const changePassword = useChangePassword();
  const [values, setValues] = useState<FormValues>(emptyForm);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [changed, setChanged] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  function focusFirstInvalid(errors: FieldErrors) {
    const first = fields.find((field) => errors[field] !== undefined);
    const input = first === undefined ? null : formRef.current?.elements.namedItem(first);
    if (input instanceof HTMLInputElement) {
      input.focus();
    }
  }

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (changePassword.isPending) {
      return;
    }
    setFormError(null);
    setChanged(false);
    const parsed = changePasswordFormSchema.safeParse(values);
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field;
        errors[field] ??= issue.message;
      }
      setFieldErrors(errors);
      focusFirstInvalid(errors);
      return;
    }
    setFieldErrors({});
    const { currentPassword, newPassword } = parsed.data;
    changePassword.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setValues(emptyForm);
          setChanged(true);
          onChanged?.();
        },
        onError: (error) => {
          showError(error);
        },
      },
    );
  }

  function showError(error: Error) {
    if (!(error instanceof ApiError)) {
      setFormError('Changing the password failed unexpectedly. Try again.');
      return;
    }
    if (error.status === 401 || error.status === 403) {
      const errors = { currentPassword: error.detail ?? 'The current password is not correct.' };
      setFieldErrors(errors);
      focusFirstInvalid(errors);
      return;
    }
    const errors: FieldErrors = {};
    for (const field of ['currentPassword', 'newPassword'] as const) {
      const message = error.fieldError(field);
      if (message !== undefined) {
        errors[field] = message;
      }
    }
    setFieldErrors(errors);
    focusFirstInvalid(errors);
    if (Object.keys(errors).length === 0 || error.detail !== undefined) {
      setFormError(error.userMessage);
    }
  }

  function bind(field: Field) {
    return {
      name: field,
      type: 'password',
      value: values[field],
      error: fieldErrors[field],
      onChange: (event: ChangeEvent<HTMLInputElement>) => {
        setValues((current) => ({ ...current, [field]: event.target.value }));
      },
    };
  }

  return (
    <form
      ref={formRef}
      className="form"
      onSubmit={handleSubmit}
      noValidate
      aria-label="Change password"
    >
      {formError !== null && <Alert kind="error">{formError}</Alert>}
      {changed && (
        <Alert kind="success" title="Your password has been changed.">
          You stay signed in here; every other session has been signed out.
        </Alert>
      )}
      <TextField
        label="Current password"
        autoComplete="current-password"
        {...bind('currentPassword')}
      />
      <TextField
        label="New password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A long passphrase is easy to remember and hard to guess.`}
        {...bind('newPassword')}
      />
      <TextField
        label="Confirm new password"
        autoComplete="new-password"
        {...bind('confirmPassword')}
      />
      <div className="form__actions">
        <Button type="submit" busy={changePassword.isPending}>
          {changePassword.isPending ? 'Changing password…' : 'Change password'}
        </Button>
      </div>
    </form>
  );
}

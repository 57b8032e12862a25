import { useState, type SubmitEvent } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { TextField } from '@/components/text-field';
import { ApiError } from '@/lib/api-client';
import { notify } from '@/lib/notifications';
import type { AdminUser } from '../api/admin-user';
import { createUserFormSchema, useCreateUser, type CreateUserInput } from '../api/create-user';
import { useUpdateUser, type UserChange } from '../api/update-user';
import { useResetPassword, useSetQuota } from '../api/user-actions';
import { formatBytes, generatePassword } from '../utils/format';

type Errors = Record<string, string>;

/** Field errors of a refused request, by field name, and the message for the form. */
function serverErrors(
  error: unknown,
  fields: readonly string[],
): { fields: Errors; form: string | null } {
  if (!(error instanceof ApiError)) {
    return { fields: {}, form: 'That did not work. Try again.' };
  }
  const found: Errors = {};
  for (const field of fields) {
    const message = error.fieldError(field);
    if (message !== undefined) {
      found[field] = message;
    }
  }
  return {
    fields: found,
    form: Object.keys(found).length === 0 ? error.userMessage : null,
  };
}

function FormFooter({
  onClose,
  busy,
  label,
  form,
}: {
  onClose: () => void;
  busy: boolean;
  label: string;
  form: string;
}) {
  return (
    <>
      <Button variant="secondary" onClick={onClose} disabled={busy}>
        Cancel
      </Button>
      <Button type="submit" form={form} busy={busy}>
        {label}
      </Button>
    </>
  );
}

/** A new account with a temporary password (changed at first sign-in unless unticked). */
export function CreateUserDialog({ onClose }: { onClose: () => void }) {
  const create = useCreateUser();
  const [values, setValues] = useState<CreateUserInput>({
    username: '',
    displayName: '',
    email: '',
    role: 'user',
    password: generatePassword(),
    mustChangePassword: true,
  });
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);

  function set<K extends keyof CreateUserInput>(key: K, value: CreateUserInput[K]) {
    setValues((v) => ({ ...v, [key]: value }));
  }

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const parsed = createUserFormSchema.safeParse(values);
    if (!parsed.success) {
      const found: Errors = {};
      for (const issue of parsed.error.issues) {
        found[String(issue.path[0])] ??= issue.message;
      }
      setErrors(found);
      return;
    }
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: (user) => {
        notify(
          'success',
          `${user.username} was created`,
          parsed.data.mustChangePassword
            ? 'Hand over the temporary password; it must be changed at the first sign-in.'
            : undefined,
        );
        onClose();
      },
      onError: (error) => {
        const found = serverErrors(error, ['username', 'displayName', 'email', 'role', 'password']);
        setErrors(found.fields);
        setFormError(found.form);
      },
    });
  }

  return (
    <Dialog
      title="New user"
      onClose={onClose}
      dismissable={!create.isPending}
      footer={
        <FormFooter
          onClose={onClose}
          busy={create.isPending}
          label="Create user"
          form="create-user"
        />
      }
    >
      <form id="create-user" className="form" onSubmit={submit} noValidate aria-label="New user">
        {formError !== null && <Alert kind="error">{formError}</Alert>}
        <TextField
          label="Username"
          name="username"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={values.username}
          error={errors.username}
          onChange={(e) => {
            set('username', e.target.value);
          }}
        />
        <TextField
          label="Full name"
          name="displayName"
          value={values.displayName}
          error={errors.displayName}
          hint="Shown to others; the username when left empty."
          onChange={(e) => {
            set('displayName', e.target.value);
          }}
        />
        <TextField
          label="Email"
          name="email"
          type="email"
          value={values.email}
          error={errors.email}
          onChange={(e) => {
            set('email', e.target.value);
          }}
        />
        <RoleSelect
          value={values.role}
          error={errors.role}
          onChange={(role) => {
            set('role', role);
          }}
        />
        <TextField
          label="Temporary password"
          name="password"
          autoComplete="off"
          spellCheck={false}
          value={values.password}
          error={errors.password}
          hint="Generated for you; hand it over safely."
          onChange={(e) => {
            set('password', e.target.value);
          }}
        />
        <label className="admin-choice">
          <input
            type="checkbox"
            name="mustChangePassword"
            checked={values.mustChangePassword}
            onChange={(e) => {
              set('mustChangePassword', e.target.checked);
            }}
          />
          <span>Must choose a new password at the first sign-in</span>
        </label>
      </form>
    </Dialog>
  );
}

function RoleSelect({
  value,
  error,
  onChange,
  disabled = false,
}: {
  value: 'user' | 'admin';
  error?: string | undefined;
  onChange: (role: 'user' | 'admin') => void;
  disabled?: boolean;
}) {
  return (
    <div className={error === undefined ? 'field' : 'field field--invalid'}>
      <label className="field__label" htmlFor="admin-role">
        Role
      </label>
      <select
        id="admin-role"
        name="role"
        className="field__input"
        value={value}
        disabled={disabled}
        onChange={(e) => {
          onChange(e.target.value === 'admin' ? 'admin' : 'user');
        }}
      >
        <option value="user">User</option>
        <option value="admin">Administrator</option>
      </select>
      {error !== undefined && <p className="field__error">{error}</p>}
    </div>
  );
}

/** Name, email and role; an admin cannot demote themselves. */
export function EditUserDialog({
  user,
  self,
  onClose,
}: {
  user: AdminUser;
  self: boolean;
  onClose: () => void;
}) {
  const update = useUpdateUser();
  const [displayName, setDisplayName] = useState(user.displayName ?? '');
  const [email, setEmail] = useState(user.email ?? '');
  const [role, setRole] = useState<'user' | 'admin'>(user.role === 'admin' ? 'admin' : 'user');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const change: UserChange = {};
    if (displayName.trim() !== (user.displayName ?? '')) {
      if (displayName.trim() === '') {
        setErrors({ displayName: 'Enter a name.' });
        return;
      }
      change.displayName = displayName.trim();
    }
    if (email.trim() !== (user.email ?? '')) {
      change.email = email.trim();
    }
    if (role !== user.role) {
      change.role = role;
    }
    if (Object.keys(change).length === 0) {
      onClose();
      return;
    }
    setErrors({});
    setFormError(null);
    update.mutate(
      { id: user.id, change },
      {
        onSuccess: () => {
          notify('success', `${user.username} was updated`);
          onClose();
        },
        onError: (error) => {
          const found = serverErrors(error, ['displayName', 'email', 'role']);
          setErrors(found.fields);
          setFormError(found.form);
        },
      },
    );
  }

  return (
    <Dialog
      title={`Edit ${user.username}`}
      onClose={onClose}
      dismissable={!update.isPending}
      footer={
        <FormFooter onClose={onClose} busy={update.isPending} label="Save" form="edit-user" />
      }
    >
      <form id="edit-user" className="form" onSubmit={submit} noValidate aria-label="Edit user">
        {formError !== null && <Alert kind="error">{formError}</Alert>}
        <TextField
          label="Full name"
          name="displayName"
          value={displayName}
          error={errors.displayName}
          onChange={(e) => {
            setDisplayName(e.target.value);
          }}
        />
        <TextField
          label="Email"
          name="email"
          type="email"
          value={email}
          error={errors.email}
          hint="Leave empty to remove it."
          onChange={(e) => {
            setEmail(e.target.value);
          }}
        />
        <RoleSelect value={role} error={errors.role} onChange={setRole} disabled={self} />
        {self && <p className="field__hint">You cannot change your own role.</p>}
      </form>
    </Dialog>
  );
}

/** A new temporary password; every session of the user ends. */
export function ResetPasswordDialog({ user, onClose }: { user: AdminUser; onClose: () => void }) {
  const reset = useResetPassword();
  const [password, setPassword] = useState(generatePassword);
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (password.length < 8) {
      setError('Use at least 8 characters.');
      return;
    }
    setError(undefined);
    setFormError(null);
    reset.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          notify(
            'success',
            `New temporary password for ${user.username}`,
            'Every session of the user has ended; the password must be changed at the next sign-in.',
          );
          onClose();
        },
        onError: (err) => {
          const found = serverErrors(err, ['password']);
          setError(found.fields.password);
          setFormError(found.form);
        },
      },
    );
  }

  return (
    <Dialog
      title={`Reset the password of ${user.username}`}
      description="The user is signed out everywhere and must choose a new password at the next sign-in."
      onClose={onClose}
      dismissable={!reset.isPending}
      footer={
        <FormFooter
          onClose={onClose}
          busy={reset.isPending}
          label="Reset password"
          form="reset-password"
        />
      }
    >
      <form
        id="reset-password"
        className="form"
        onSubmit={submit}
        noValidate
        aria-label="Reset password"
      >
        {formError !== null && <Alert kind="error">{formError}</Alert>}
        <TextField
          label="Temporary password"
          name="password"
          autoComplete="off"
          spellCheck={false}
          value={password}
          error={error}
          onChange={(e) => {
            setPassword(e.target.value);
          }}
        />
      </form>
    </Dialog>
  );
}

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

/** The user's own quota in GB or MB, or the workspace default. */
export function QuotaDialog({ user, onClose }: { user: AdminUser; onClose: () => void }) {
  const setQuota = useSetQuota();
  const [useDefault, setUseDefault] = useState(user.defaultQuota);
  const [unit, setUnit] = useState<'GB' | 'MB'>(user.quotaBytes % GIB === 0 ? 'GB' : 'MB');
  const [amount, setAmount] = useState(() =>
    String(user.quotaBytes / (user.quotaBytes % GIB === 0 ? GIB : MIB)),
  );
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    let quotaBytes: number | null = null;
    if (!useDefault) {
      const value = Number(amount);
      if (amount.trim() === '' || !Number.isFinite(value) || value < 0) {
        setError('Enter a size of 0 or more.');
        return;
      }
      quotaBytes = Math.round(value * (unit === 'GB' ? GIB : MIB));
    }
    setError(undefined);
    setFormError(null);
    setQuota.mutate(
      { id: user.id, quotaBytes },
      {
        onSuccess: () => {
          notify('success', `Quota of ${user.username} saved`);
          onClose();
        },
        onError: (err) => {
          const found = serverErrors(err, ['quotaBytes']);
          setError(found.fields.quotaBytes);
          setFormError(found.form);
        },
      },
    );
  }

  return (
    <Dialog
      title={`Storage quota of ${user.username}`}
      description={`${formatBytes(user.usedBytes)} in use (files, trash and versions).`}
      onClose={onClose}
      dismissable={!setQuota.isPending}
      footer={<FormFooter onClose={onClose} busy={setQuota.isPending} label="Save" form="quota" />}
    >
      <form id="quota" className="form" onSubmit={submit} noValidate aria-label="Storage quota">
        {formError !== null && <Alert kind="error">{formError}</Alert>}
        <label className="admin-choice">
          <input
            type="radio"
            name="quota-kind"
            checked={useDefault}
            onChange={() => {
              setUseDefault(true);
            }}
          />
          <span>The workspace default</span>
        </label>
        <label className="admin-choice">
          <input
            type="radio"
            name="quota-kind"
            checked={!useDefault}
            onChange={() => {
              setUseDefault(false);
            }}
          />
          <span>Its own quota</span>
        </label>
        {!useDefault && (
          <div className="admin-toolbar">
            <TextField
              label="Quota"
              name="quota"
              inputMode="decimal"
              value={amount}
              error={error}
              onChange={(e) => {
                setAmount(e.target.value);
              }}
            />
            <div className="field">
              <label className="field__label" htmlFor="quota-unit">
                Unit
              </label>
              <select
                id="quota-unit"
                className="field__input"
                value={unit}
                onChange={(e) => {
                  setUnit(e.target.value === 'MB' ? 'MB' : 'GB');
                }}
              >
                <option value="GB">GB</option>
                <option value="MB">MB</option>
              </select>
            </div>
          </div>
        )}
      </form>
    </Dialog>
  );
}

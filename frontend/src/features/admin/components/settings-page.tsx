import { useState, type SubmitEvent } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { Spinner } from '@/components/spinner';
import { ApiError } from '@/lib/api-client';
import { notify } from '@/lib/notifications';
import {
  useSettings,
  useUpdateSettings,
  type SettingInfo,
  type SettingsOverview,
  type SettingValue,
} from '../api/settings';
import { formatBytes } from '../utils/format';

/** What a form control holds: text for numbers, addresses and lists; a flag; a set of choices. */
type Draft = string | boolean | string[];

function toDraft(info: SettingInfo, value: SettingValue | undefined): Draft {
  switch (info.kind) {
    case 'boolean':
      return value === true;
    case 'choices':
      return Array.isArray(value) ? value : [];
    case 'list':
      return Array.isArray(value) ? value.join('\n') : '';
    default:
      return value === null || value === undefined ? '' : String(value);
  }
}

/** The value to send; numbers that are not numbers go as text so the server names the error. */
function toValue(info: SettingInfo, draft: Draft): SettingValue {
  switch (info.kind) {
    case 'boolean':
      return draft === true;
    case 'choices':
      return Array.isArray(draft) ? draft : [];
    case 'list':
      return String(draft)
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
    case 'number': {
      const text = String(draft).trim();
      return text !== '' && /^-?\d+$/.test(text) ? Number(text) : text;
    }
    default:
      return String(draft).trim();
  }
}

function same(a: SettingValue | undefined, b: SettingValue): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b);
}

function describeDefault(info: SettingInfo, value: SettingValue | undefined): string {
  if (
    value === null ||
    value === undefined ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  ) {
    return 'none';
  }
  if (info.kind === 'number' && info.name.endsWith('Bytes') && typeof value === 'number') {
    return `${value} (${formatBytes(value)})`;
  }
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** The run-time settings as a form built from the server's catalog; secrets only as set or not. */
export function SettingsPage() {
  const settings = useSettings();
  if (settings.isPending) {
    return <Spinner label="Loading settings…" />;
  }
  if (settings.isError) {
    return <Alert kind="error">{settings.error.message}</Alert>;
  }
  return <SettingsForm key={JSON.stringify(settings.data.values)} overview={settings.data} />;
}

function SettingsForm({ overview }: { overview: SettingsOverview }) {
  const update = useUpdateSettings();
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(
      overview.catalog.map((info) => [info.name, toDraft(info, overview.values[info.name])]),
    ),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const patch: Record<string, SettingValue> = {};
  for (const info of overview.catalog) {
    const value = toValue(info, drafts[info.name] ?? '');
    if (!same(overview.values[info.name], value)) {
      patch[info.name] = value;
    }
  }
  const changed = Object.keys(patch).length;

  function send(body: Record<string, SettingValue>, success: string) {
    setFormError(null);
    update.mutate(body, {
      onSuccess: () => {
        setErrors({});
        notify('success', success, 'It applies at once, without a restart.');
      },
      onError: (error) => {
        if (!(error instanceof ApiError)) {
          setFormError('Saving failed. Try again.');
          return;
        }
        const found: Record<string, string> = {};
        for (const { field, message } of error.fieldErrors) {
          found[field] = message;
        }
        setErrors(found);
        setFormError(
          Object.keys(found).length > 0
            ? 'Nothing was saved: correct the settings marked below.'
            : error.userMessage,
        );
      },
    });
  }

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (changed > 0) {
      send(patch, changed === 1 ? 'Setting saved' : `${changed} settings saved`);
    }
  }

  return (
    <div className="stack">
      <form onSubmit={submit} noValidate aria-label="Settings">
        {formError !== null && <Alert kind="error">{formError}</Alert>}
        {overview.catalog.map((info) => (
          <SettingRow
            key={info.name}
            info={info}
            draft={drafts[info.name] ?? ''}
            defaultValue={overview.defaults[info.name]}
            isDefault={same(overview.values[info.name], overview.defaults[info.name] ?? null)}
            error={errors[info.name]}
            busy={update.isPending}
            onChange={(draft) => {
              setDrafts((d) => ({ ...d, [info.name]: draft }));
            }}
            onRestore={() => {
              send({ [info.name]: null }, `${info.name} is back to its default`);
            }}
          />
        ))}
        <div className="form__actions">
          <Button type="submit" busy={update.isPending} disabled={changed === 0}>
            {changed > 1 ? `Save ${changed} changes` : 'Save changes'}
          </Button>
        </div>
      </form>
      <Card title="Secrets" description="Set in the environment; never shown.">
        <ul aria-label="Secrets">
          {overview.secrets.map((secret) => (
            <li key={secret.name}>
              <code>{secret.name}</code>:{' '}
              {secret.set ? (
                <span className="admin-badge admin-badge--good">set</span>
              ) : (
                <span className="admin-badge admin-badge--bad">not set</span>
              )}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}

function SettingRow({
  info,
  draft,
  defaultValue,
  isDefault,
  error,
  busy,
  onChange,
  onRestore,
}: {
  info: SettingInfo;
  draft: Draft;
  defaultValue: SettingValue | undefined;
  isDefault: boolean;
  error: string | undefined;
  busy: boolean;
  onChange: (draft: Draft) => void;
  onRestore: () => void;
}) {
  const id = `setting-${info.name.replace(/[^a-zA-Z0-9]/g, '-')}`;
  const messageId = `${id}-message`;
  const rules =
    info.kind === 'number' && info.min != null && info.max != null
      ? `${info.min} – ${info.max}. `
      : info.kind === 'list' && info.max != null
        ? `One per line, at most ${info.max}. `
        : '';
  const hint = `${rules}Default: ${describeDefault(info, defaultValue)}${
    info.environmentVariable != null ? ` (${info.environmentVariable})` : ''
  }.`;
  const invalid = error !== undefined || undefined;
  return (
    <div
      className={error === undefined ? 'admin-settings__row' : 'admin-settings__row field--invalid'}
    >
      <div>
        <label className="field__label" htmlFor={id}>
          {info.description}
        </label>
        <div className="admin-settings__name">{info.name}</div>
      </div>
      <div className="admin-settings__control">
        {info.kind === 'boolean' && (
          <label className="admin-choice">
            <input
              id={id}
              type="checkbox"
              checked={draft === true}
              aria-describedby={messageId}
              onChange={(e) => {
                onChange(e.target.checked);
              }}
            />
            <span>{draft === true ? 'On' : 'Off'}</span>
          </label>
        )}
        {info.kind === 'choices' && (
          <div id={id} role="group" aria-describedby={messageId}>
            {(info.choices ?? []).map((choice) => (
              <label className="admin-choice" key={choice}>
                <input
                  type="checkbox"
                  checked={Array.isArray(draft) && draft.includes(choice)}
                  onChange={(e) => {
                    const current = Array.isArray(draft) ? draft : [];
                    onChange(
                      e.target.checked ? [...current, choice] : current.filter((c) => c !== choice),
                    );
                  }}
                />
                <span>{choice}</span>
              </label>
            ))}
          </div>
        )}
        {info.kind === 'list' && (
          <textarea
            id={id}
            rows={3}
            value={String(draft)}
            aria-invalid={invalid}
            aria-describedby={messageId}
            onChange={(e) => {
              onChange(e.target.value);
            }}
          />
        )}
        {(info.kind === 'number' || info.kind === 'url' || info.kind === 'text') && (
          <input
            id={id}
            className="field__input"
            type="text"
            inputMode={info.kind === 'number' ? 'numeric' : info.kind === 'url' ? 'url' : 'text'}
            value={String(draft)}
            aria-invalid={invalid}
            aria-describedby={messageId}
            onChange={(e) => {
              onChange(e.target.value);
            }}
          />
        )}
        <p id={messageId} className={error === undefined ? 'field__hint' : 'field__error'}>
          {error ?? hint}
        </p>
        {!isDefault && (
          <Button variant="ghost" className="button--small" disabled={busy} onClick={onRestore}>
            Restore default
          </Button>
        )}
      </div>
    </div>
  );
}

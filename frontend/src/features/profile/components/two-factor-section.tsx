import './profile.css';
import { useState, type SubmitEvent } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Spinner } from '@/components/spinner';
import { TextField } from '@/components/text-field';
import { ApiError } from '@/lib/api-client';
import {
  useConfirmEnrolment,
  useDisableTwoFactor,
  useEnrol,
  useTwoFactorStatus,
  type TwoFactorStatus,
} from '../api/two-factor';

function messageOf(error: unknown, fallback: string): string {
  return error instanceof ApiError ? (error.fieldError('code') ?? error.userMessage) : fallback;
}

/**
 * Two-factor sign-in: set up with a QR code (or the key typed in), confirmed with a first code,
 * then the recovery codes shown once; or turned off with the password and a code.
 */
export function TwoFactorSection({ onEnrolled }: { onEnrolled?: () => void }) {
  const status = useTwoFactorStatus();
  if (status.isPending) {
    return <Spinner />;
  }
  if (status.isError) {
    return <Alert kind="error">{status.error.message}</Alert>;
  }
  return status.data.enabled ? (
    <EnabledTwoFactor status={status.data} />
  ) : (
    <Enrol required={status.data.required} onEnrolled={onEnrolled} />
  );
}

function Enrol({
  required,
  onEnrolled,
}: {
  required: boolean;
  onEnrolled?: (() => void) | undefined;
}) {
  const enrol = useEnrol();
  const confirm = useConfirmEnrolment();
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);

  if (codes !== null) {
    return (
      <div className="stack" data-testid="recovery-codes">
        <Alert kind="success" title="Two-factor sign-in is on.">
          Keep these recovery codes somewhere safe: each signs you in once if you lose your phone.
          They are shown only now.
        </Alert>
        <ul className="recovery-codes" aria-label="Recovery codes">
          {codes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <div>
          <Button
            onClick={() => {
              setCodes(null);
              onEnrolled?.();
            }}
          >
            I have saved them
          </Button>
        </div>
      </div>
    );
  }

  if (enrol.data === undefined) {
    return (
      <div className="stack">
        <p>
          {required
            ? 'Your administrator requires a second factor. '
            : 'Two-factor sign-in is off. '}
          With it, signing in also needs a code from an authenticator app on your phone.
        </p>
        {enrol.isError && <Alert kind="error">{messageOf(enrol.error, 'Setup failed.')}</Alert>}
        <div>
          <Button
            busy={enrol.isPending}
            onClick={() => {
              enrol.mutate();
            }}
          >
            Set up two-factor sign-in
          </Button>
        </div>
      </div>
    );
  }

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    confirm.mutate(code.replace(/\s/g, ''), {
      onSuccess: (result) => {
        setCode('');
        setCodes(result.recoveryCodes);
      },
    });
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Confirm two-factor sign-in">
      <p>Scan this code with your authenticator app, then enter the 6-digit code it shows.</p>
      <img className="totp-qr" src={enrol.data.qrCode} alt="QR code for the authenticator app" />
      <p className="muted">
        Or type the key: <code data-testid="totp-secret">{enrol.data.secret}</code>
      </p>
      <TextField
        label="Code from the app"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={8}
        value={code}
        error={confirm.isError ? messageOf(confirm.error, 'The code was not accepted.') : undefined}
        onChange={(e) => {
          setCode(e.target.value);
        }}
      />
      <div className="form__actions">
        <Button type="submit" busy={confirm.isPending} disabled={code.trim() === ''}>
          Turn on
        </Button>
      </div>
    </form>
  );
}

function EnabledTwoFactor({ status }: { status: TwoFactorStatus }) {
  const disable = useDisableTwoFactor();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    disable.mutate(
      { password, code: code.trim() },
      {
        onSuccess: () => {
          setPassword('');
          setCode('');
        },
      },
    );
  }

  return (
    <div className="stack">
      <Alert kind="success" title="Two-factor sign-in is on.">
        {status.recoveryCodesLeft} of 10 recovery codes left.
      </Alert>
      {status.required ? (
        <p className="muted">Your administrator requires it, so it cannot be turned off.</p>
      ) : (
        <form
          className="form"
          onSubmit={submit}
          noValidate
          aria-label="Turn off two-factor sign-in"
        >
          {disable.isError && (
            <Alert kind="error">
              {messageOf(disable.error, 'Two-factor sign-in could not be turned off.')}
            </Alert>
          )}
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
            }}
          />
          <TextField
            label="Code from the app, or a recovery code"
            name="code"
            autoComplete="one-time-code"
            value={code}
            onChange={(e) => {
              setCode(e.target.value);
            }}
          />
          <div className="form__actions">
            <Button
              type="submit"
              variant="secondary"
              busy={disable.isPending}
              disabled={password === '' || code.trim() === ''}
            >
              Turn off
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}

import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { TextField } from '@/components/text-field';
import { ApiError } from '@/lib/api-client';
import { signInInputSchema, useCompleteSignIn, useSignIn } from '../api/sign-in';

type Field = 'username' | 'password';
type FieldErrors = Partial<Record<Field, string>>;

export function throttledMessage(seconds: number): string {
  return `Too many attempts — try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`;
}

/** Username and password sign-in; on success the session starts and the caller's page takes over. */
export function SignInForm() {
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [lock, startLock] = useLock();
  const [mfaToken, setMfaToken] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const locked = lock !== null;

  function focusField(field: Field) {
    const input = formRef.current?.elements.namedItem(field);
    if (input instanceof HTMLInputElement) {
      input.focus();
    }
  }

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (locked || signIn.isPending) {
      return;
    }
    setFormError(null);
    const parsed = signInInputSchema.safeParse({ username, password });
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if ((field === 'username' || field === 'password') && errors[field] === undefined) {
          errors[field] = issue.message;
        }
      }
      setFieldErrors(errors);
      focusField(errors.username !== undefined ? 'username' : 'password');
      return;
    }
    setFieldErrors({});
    signIn.mutate(parsed.data, {
      onSuccess: (outcome) => {
        if (outcome.kind === 'code-required') {
          setPassword('');
          setMfaToken(outcome.mfaToken);
        }
      },
      onError: (error) => {
        showError(error);
      },
    });
  }

  function showError(error: Error) {
    if (!(error instanceof ApiError)) {
      setFormError('Signing in failed unexpectedly. Try again.');
      return;
    }
    if (error.status === 429) {
      if (error.retryAfter !== undefined && error.retryAfter > 0) {
        startLock(error.retryAfter);
      } else {
        setFormError(error.detail ?? 'Too many attempts — wait a moment and try again.');
      }
      return;
    }
    const serverFieldErrors: FieldErrors = {};
    for (const field of ['username', 'password'] as const) {
      const message = error.fieldError(field);
      if (message !== undefined) {
        serverFieldErrors[field] = message;
      }
    }
    setFieldErrors(serverFieldErrors);
    if (Object.keys(serverFieldErrors).length === 0 || error.detail !== undefined) {
      setFormError(error.userMessage);
    }
    if (error.status === 401) {
      setPassword('');
      focusField('password');
    }
  }

  if (mfaToken !== null) {
    return (
      <CodeForm
        mfaToken={mfaToken}
        onRestart={(message) => {
          setMfaToken(null);
          setFormError(message);
        }}
      />
    );
  }

  return (
    <form ref={formRef} className="form" onSubmit={handleSubmit} noValidate aria-label="Sign in">
      {lock !== null && <Alert kind="error">{throttledMessage(lock.secondsLeft)}</Alert>}
      {!locked && formError !== null && <Alert kind="error">{formError}</Alert>}
      <TextField
        label="Username"
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        autoFocus
        value={username}
        error={fieldErrors.username}
        onChange={(event) => {
          setUsername(event.target.value);
        }}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        error={fieldErrors.password}
        onChange={(event) => {
          setPassword(event.target.value);
        }}
      />
      <Button type="submit" className="button--block" busy={signIn.isPending} disabled={locked}>
        {signIn.isPending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}

/** The second step of a sign-in with two-factor authentication: a code from the app, or a recovery code. */
function CodeForm({
  mfaToken,
  onRestart,
}: {
  mfaToken: string;
  onRestart: (message: string | null) => void;
}) {
  const complete = useCompleteSignIn();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [lock, startLock] = useLock();

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = code.trim();
    if (trimmed === '') {
      setError('Enter the code from your authenticator app.');
      return;
    }
    setError(null);
    complete.mutate(
      { mfaToken, code: trimmed },
      {
        onError: (failure) => {
          if (!(failure instanceof ApiError)) {
            setError('Signing in failed unexpectedly. Try again.');
            return;
          }
          if (
            failure.status === 429 &&
            failure.retryAfter !== undefined &&
            failure.retryAfter > 0
          ) {
            startLock(failure.retryAfter);
            return;
          }
          if (failure.status === 401 && /expired/i.test(failure.detail ?? '')) {
            onRestart(failure.userMessage);
            return;
          }
          setCode('');
          setError(failure.userMessage);
        },
      },
    );
  }

  return (
    <form className="form" onSubmit={handleSubmit} noValidate aria-label="Two-factor code">
      {lock !== null && <Alert kind="error">{throttledMessage(lock.secondsLeft)}</Alert>}
      {lock === null && error !== null && <Alert kind="error">{error}</Alert>}
      <p>Enter the 6-digit code from your authenticator app, or one of your recovery codes.</p>
      <TextField
        label="Code"
        name="code"
        autoComplete="one-time-code"
        autoCapitalize="none"
        spellCheck={false}
        autoFocus
        value={code}
        onChange={(event) => {
          setCode(event.target.value);
        }}
      />
      <Button
        type="submit"
        className="button--block"
        busy={complete.isPending}
        disabled={lock !== null}
      >
        {complete.isPending ? 'Checking…' : 'Sign in'}
      </Button>
      <Button
        variant="ghost"
        className="button--block"
        onClick={() => {
          onRestart(null);
        }}
      >
        Start over
      </Button>
    </form>
  );
}

interface Lock {
  until: number;
  secondsLeft: number;
}

/** A countdown to the moment the server accepts sign-in attempts again. */
function useLock(): [Lock | null, (seconds: number) => void] {
  const [lock, setLock] = useState<Lock | null>(null);
  const until = lock?.until;
  useEffect(() => {
    if (until === undefined) {
      return;
    }
    const timer = setInterval(() => {
      const secondsLeft = Math.ceil((until - Date.now()) / 1000);
      setLock(secondsLeft > 0 ? { until, secondsLeft } : null);
    }, 1000);
    return () => {
      clearInterval(timer);
    };
  }, [until]);
  const start = (seconds: number) => {
    setLock({ until: Date.now() + seconds * 1000, secondsLeft: seconds });
  };
  return [lock, start];
}

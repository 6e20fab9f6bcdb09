import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import { checkApiKey, saveApiKey } from '../api/credentials.js';
import { Field } from './field.js';

/**
 * The sign-in form shown when the service answers 401: an API key (`bh_…`), kept for this browser tab only.
 *
 * @example
 * <SignIn onSignedIn={() => queryClient.invalidateQueries()} />
 */
export function SignIn({ onSignedIn }: { readonly onSignedIn: () => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const submit = (event: SyntheticEvent): void => {
    event.preventDefault();
    const problem = checkApiKey(key);
    if (problem !== null) {
      setError(problem);
      return;
    }
    saveApiKey(key.trim());
    onSignedIn();
  };
  return (
    <section className="card sign-in">
      <h1>Sign in</h1>
      <p className="muted">
        This Bothub needs an API key. <code>bothub serve</code> printed an admin key at its first start; an admin creates others
        with <code>POST /api/v1/keys</code>. The key is kept for this browser tab only.
      </p>
      <form onSubmit={submit}>
        <Field label="API key" error={error}>
          {(props) => <input {...props} type="password" autoComplete="off" value={key} onChange={(event) => setKey(event.target.value)} />}
        </Field>
        <button type="submit">Sign in</button>
      </form>
    </section>
  );
}

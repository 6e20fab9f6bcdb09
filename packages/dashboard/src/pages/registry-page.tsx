import type { ModelSpec } from '@bothub/core';
import { ModelSpecSchema } from '@bothub/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { bothub } from '../api/bothub.js';
import { modelPath } from '../api/project.js';
import { useModels } from '../api/queries.js';
import { ErrorMessage, QueryState } from '../components/query-state.js';
import { formatTime } from '../format/format-time.js';
import { schemaErrors } from '../logic/schema-errors.js';

const EXAMPLE_SPEC = JSON.stringify(
  {
    name: 'churn',
    task: 'binary_classification',
    features: [
      { name: 'tenure', type: 'numerical' },
      { name: 'plan', type: 'categorical' },
    ],
    prediction: { type: 'boolean' },
    label: { type: 'boolean' },
    score: true,
    window: { kind: 'count', size: 500 },
  },
  null,
  2,
);

/**
 * The registry: every model, and a form to register one from its JSON spec (checked before sending).
 *
 * @example
 * <Route path="/registry" element={<RegistryPage />} />
 */
export default function RegistryPage() {
  const models = useModels();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [text, setText] = useState(EXAMPLE_SPEC);
  const [errors, setErrors] = useState<string[]>([]);
  const create = useMutation({
    mutationFn: (spec: ModelSpec) => bothub.post('/api/v1/models', { body: spec as never }),
    onSuccess: async (model) => {
      await queryClient.invalidateQueries({ queryKey: ['models'] });
      await queryClient.invalidateQueries({ queryKey: ['fleet'] });
      void navigate(modelPath(model.name, model.project, '', '/registry'));
    },
  });
  const submit = () => {
    let spec: unknown;
    try {
      spec = JSON.parse(text);
    } catch (error) {
      setErrors([`Not JSON: ${(error as Error).message}`]);
      return;
    }
    const found = Object.entries(schemaErrors(ModelSpecSchema, spec)).map(([field, message]) => `${field === '' ? 'spec' : field}: ${message}`);
    setErrors(found);
    if (found.length === 0) create.mutate(spec as ModelSpec);
  };

  return (
    <section aria-labelledby="registry-title">
      <h1 id="registry-title">Registry</h1>
      <QueryState query={models}>
        {({ models: rows }) => (
          <table className="data" aria-label="Registered models">
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col">Project</th>
                <th scope="col">Task</th>
                <th scope="col" className="num">
                  Features
                </th>
                <th scope="col">Windows</th>
                <th scope="col">Registered</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    <Link to={modelPath(m.name, m.project, '', '/registry')}>{m.name}</Link>
                  </th>
                  <td>{m.project}</td>
                  <td>{m.task.replaceAll('_', ' ')}</td>
                  <td className="num">{m.features.length}</td>
                  <td>
                    {m.window.kind} of {m.window.size}
                  </td>
                  <td>{formatTime(Date.parse(m.createdAt))}</td>
                </tr>
              ))}
              {rows.length === 0 && (
                <tr>
                  <td colSpan={6}>No models yet.</td>
                </tr>
              )}
            </tbody>
          </table>
        )}
      </QueryState>
      <details className="card">
        <summary>Register a model</summary>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <label className="block">
            Model spec (JSON, as <code>POST /api/v1/models</code> takes it)
            <textarea value={text} onChange={(e) => setText(e.target.value)} rows={16} spellCheck={false} className="code" aria-invalid={errors.length > 0} />
          </label>
          {errors.length > 0 && (
            <ul className="error" role="alert" aria-label="Problems in the spec">
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          )}
          {create.error && <ErrorMessage error={create.error} />}
          <button type="submit" disabled={create.isPending}>
            Register
          </button>
        </form>
      </details>
    </section>
  );
}

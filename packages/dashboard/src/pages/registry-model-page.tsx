import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AlertRule, Model } from '../api/bothub.js';
import { bothub } from '../api/bothub.js';
import { modelPath, useProject } from '../api/project.js';
import { useModel, useRules, useVersions } from '../api/queries.js';
import { Field } from '../components/field.js';
import { ErrorMessage, QueryState } from '../components/query-state.js';
import { formatTime } from '../format/format-time.js';
import { conditionText } from '../logic/alert-rule-form.js';
import type { ModelSettingsForm } from '../logic/model-settings-form.js';
import { formFromModel, modelPatchFromForm } from '../logic/model-settings-form.js';
import { AlertRuleEditor } from './alert-rule-editor.js';

/** The content type the service reads a reference file as, from its name. */
const REFERENCE_TYPES: Record<string, string> = { csv: 'text/csv', parquet: 'application/vnd.apache.parquet', jsonl: 'application/x-ndjson', ndjson: 'application/x-ndjson', json: 'application/json' };

function Versions({ model }: { readonly model: string }) {
  const project = useProject();
  const query = project === undefined ? {} : { project };
  const versions = useVersions(model, project);
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['versions', model] });
  const [version, setVersion] = useState('');
  const [aliases, setAliases] = useState('');
  const [alias, setAlias] = useState('production');
  const [aliasVersion, setAliasVersion] = useState('');
  const [uploadFor, setUploadFor] = useState('');
  const [file, setFile] = useState<File | null>(null);

  const create = useMutation({
    mutationFn: () => bothub.post('/api/v1/models/{model}/versions', { params: { path: { model }, query }, body: { version: version.trim(), aliases: aliases.split(',').map((a) => a.trim()).filter((a) => a !== '') } }),
    onSuccess: async () => {
      setVersion('');
      setAliases('');
      await refresh();
    },
  });
  const point = useMutation({
    mutationFn: () => bothub.put('/api/v1/models/{model}/aliases/{alias}', { params: { path: { model, alias: alias.trim() }, query }, body: { version: aliasVersion } }),
    onSuccess: refresh,
  });
  const upload = useMutation({
    mutationFn: async () => {
      const extension = file!.name.split('.').pop()?.toLowerCase() ?? '';
      const type = REFERENCE_TYPES[extension];
      if (type === undefined) throw new Error(`Unknown file type .${extension}: upload CSV, Parquet, JSON Lines or JSON.`);
      const { error, response } = await bothub.POST('/api/v1/models/{model}/versions/{version}/reference', {
        params: { path: { model, version: uploadFor }, query },
        body: file as never,
        bodySerializer: (body: unknown) => body as BodyInit,
        headers: { 'content-type': type },
      });
      if (!response.ok) throw new Error((error as { error?: { message?: string } } | undefined)?.error?.message ?? `HTTP ${response.status}`);
    },
    onSuccess: async () => {
      setFile(null);
      await refresh();
    },
  });

  return (
    <div className="card">
      <h2>Versions and reference data</h2>
      <QueryState query={versions}>
        {({ versions: rows }) => (
          <>
            <table className="data" aria-label="Versions">
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Aliases</th>
                  <th scope="col">Reference</th>
                  <th scope="col">Registered</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((v) => (
                  <tr key={v.id}>
                    <th scope="row">{v.version}</th>
                    <td>{v.aliases.join(', ') || '—'}</td>
                    <td>{v.reference ? `${v.reference.rows.toLocaleString('en')} rows, built ${formatTime(Date.parse(v.reference.builtAt))}` : 'none yet'}</td>
                    <td>{formatTime(Date.parse(v.createdAt))}</td>
                  </tr>
                ))}
                {rows.length === 0 && (
                  <tr>
                    <td colSpan={4}>No versions yet.</td>
                  </tr>
                )}
              </tbody>
            </table>
            <div className="form-row">
              <form
                aria-label="New version"
                onSubmit={(e) => {
                  e.preventDefault();
                  if (version.trim() !== '') create.mutate();
                }}
              >
                <h3>New version</h3>
                <Field label="Version">{(props) => <input {...props} value={version} onChange={(e) => setVersion(e.target.value)} required maxLength={100} />}</Field>
                <Field label="Aliases" hint="comma-separated, e.g. production">
                  {(props) => <input {...props} value={aliases} onChange={(e) => setAliases(e.target.value)} />}
                </Field>
                {create.error && <ErrorMessage error={create.error} />}
                <button type="submit">Register version</button>
              </form>
              <form
                aria-label="Point an alias"
                onSubmit={(e) => {
                  e.preventDefault();
                  if (aliasVersion !== '') point.mutate();
                }}
              >
                <h3>Point an alias</h3>
                <Field label="Alias">{(props) => <input {...props} value={alias} onChange={(e) => setAlias(e.target.value)} required pattern="[a-z0-9][a-z0-9._\-]{0,99}" />}</Field>
                <Field label="At version">
                  {(props) => (
                    <select {...props} value={aliasVersion} onChange={(e) => setAliasVersion(e.target.value)} required>
                      <option value="">choose…</option>
                      {rows.map((v) => (
                        <option key={v.id}>{v.version}</option>
                      ))}
                    </select>
                  )}
                </Field>
                {point.error && <ErrorMessage error={point.error} />}
                <button type="submit">Move alias</button>
              </form>
              <form
                aria-label="Upload reference data"
                onSubmit={(e) => {
                  e.preventDefault();
                  if (file && uploadFor !== '') upload.mutate();
                }}
              >
                <h3>Upload reference data</h3>
                <Field label="For version">
                  {(props) => (
                    <select {...props} value={uploadFor} onChange={(e) => setUploadFor(e.target.value)} required>
                      <option value="">choose…</option>
                      {rows.map((v) => (
                        <option key={v.id}>{v.version}</option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label="File" hint="CSV, Parquet, JSON Lines or JSON">
                  {(props) => <input {...props} type="file" accept=".csv,.parquet,.jsonl,.ndjson,.json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} required />}
                </Field>
                {upload.error && <ErrorMessage error={upload.error} />}
                {upload.isSuccess && <p role="status">Reference uploaded.</p>}
                <button type="submit" disabled={upload.isPending}>
                  {upload.isPending ? 'Uploading…' : 'Upload'}
                </button>
              </form>
            </div>
          </>
        )}
      </QueryState>
    </div>
  );
}

function Settings({ model }: { readonly model: Model }) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState<ModelSettingsForm>(formFromModel(model));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => bothub.patch('/api/v1/models/{model}', { params: { path: { model: model.name }, query: { project: model.project } }, body: modelPatchFromForm(form).patch as never }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['model', model.name] }),
  });
  const update = (patch: Partial<ModelSettingsForm>) => setForm((f) => ({ ...f, ...patch }));
  const box = (key: 'multivariateDrift' | 'dataQuality' | 'performance' | 'anomalies' | 'fairness', label: string) => (
    <label>
      <input type="checkbox" checked={form[key]} onChange={(e) => update({ [key]: e.target.checked })} /> {label}
    </label>
  );
  const text = (key: 'anomalyPercentile' | 'datasetDriftShare' | 'windowSize' | 'windowSlide' | 'windowLateness', label: string, hint?: string) => (
    <Field label={label} error={errors[key]} {...(hint === undefined ? {} : { hint })}>
      {(props) => <input {...props} value={form[key]} inputMode="decimal" onChange={(e) => update({ [key]: e.target.value })} />}
    </Field>
  );
  return (
    <form
      className="card form"
      aria-label="Monitors and windows"
      onSubmit={(e) => {
        e.preventDefault();
        const found = modelPatchFromForm(form).errors;
        setErrors(found);
        if (Object.keys(found).length === 0) save.mutate();
      }}
    >
      <h2>Monitors and windows</h2>
      <fieldset>
        <legend>Monitors</legend>
        {box('multivariateDrift', 'Multivariate drift (MMD)')}
        {box('dataQuality', 'Data quality')}
        {box('performance', 'Performance')}
        {box('anomalies', 'Anomalies')}
        {box('fairness', 'Fairness')}
      </fieldset>
      <div className="form-grid">
        {text('datasetDriftShare', 'Dataset drift share', 'share of drifted features at which the dataset drifts, (0, 1]')}
        {text('anomalyPercentile', 'Anomaly percentile', '50–100')}
        <Field label="Window kind" error={errors.windowKind}>
          {(props) => (
            <select {...props} value={form.windowKind} onChange={(e) => update({ windowKind: e.target.value as 'count' | 'time' })}>
              <option value="count">count (records)</option>
              <option value="time">time (seconds)</option>
            </select>
          )}
        </Field>
        {text('windowSize', 'Window size')}
        {text('windowSlide', 'Slide', 'empty: tumbling windows')}
        {text('windowLateness', 'Lateness (s)', 'time windows only')}
        <Field label="Description" error={errors.description}>
          {(props) => <input {...props} value={form.description} onChange={(e) => update({ description: e.target.value })} />}
        </Field>
      </div>
      {Object.keys(errors).length > 0 && (
        <p className="error" role="alert">
          Fix the marked fields before saving.
        </p>
      )}
      {save.error && <ErrorMessage error={save.error} />}
      {save.isSuccess && <p role="status">Saved: the next window uses these settings.</p>}
      <button type="submit" disabled={save.isPending}>
        Save settings
      </button>
    </form>
  );
}

function Rules({ model, features }: { readonly model: string; readonly features: readonly string[] }) {
  const project = useProject();
  const rules = useRules(model, project);
  const [editing, setEditing] = useState<AlertRule | 'new' | null>(null);
  return (
    <div className="card">
      <div className="card-head">
        <h2>Alert rules</h2>
        <button type="button" onClick={() => setEditing('new')}>
          New rule
        </button>
      </div>
      {editing !== null && <AlertRuleEditor key={editing === 'new' ? 'new' : editing.id} model={model} project={project} rule={editing === 'new' ? null : editing} features={features} onDone={() => setEditing(null)} />}
      <QueryState query={rules}>
        {({ rules: rows }) => (
          <table className="data" aria-label="Alert rules">
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Metric</th>
                <th scope="col">Condition</th>
                <th scope="col">Severity</th>
                <th scope="col">Enabled</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    {r.name}
                    {r.isDefault && <span className="muted small"> (default)</span>}
                  </th>
                  <td>
                    {r.metric}
                    {r.feature !== null && ` · ${r.feature}`}
                    {r.segment !== null && ` · segment ${r.segment}`}
                  </td>
                  <td>{conditionText(r.condition)}</td>
                  <td>{r.severity}</td>
                  <td>{r.enabled ? 'yes' : 'no'}</td>
                  <td>
                    <button type="button" onClick={() => setEditing(r)} aria-label={`Edit rule ${r.name}`}>
                      Edit
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
    </div>
  );
}

/**
 * A model in the registry: versions, aliases and reference data; its monitor and window settings; its alert rules.
 *
 * @example
 * <Route path="/registry/:model" element={<RegistryModelPage />} />
 */
export default function RegistryModelPage() {
  const name = useParams().model!;
  const project = useProject();
  const model = useModel(name, project);
  return (
    <section aria-labelledby="registry-model-title">
      <p className="crumbs">
        <Link to="/registry">Registry</Link> › model
      </p>
      <h1 id="registry-model-title">{name}</h1>
      <QueryState query={model}>
        {(m) => (
          <>
            <p className="muted">
              {m.task.replaceAll('_', ' ')} · project {m.project} · <Link to={modelPath(name, project)}>monitoring</Link>
            </p>
            <details className="card">
              <summary>{m.features.length} features</summary>
              <ul className="columns-list">
                {m.features.map((f) => (
                  <li key={f.name}>
                    {f.name} <span className="muted small">{f.type}</span>
                  </li>
                ))}
              </ul>
            </details>
            <Versions model={name} />
            <Settings key={m.id} model={m} />
            <Rules model={name} features={m.features.map((f) => f.name)} />
          </>
        )}
      </QueryState>
    </section>
  );
}

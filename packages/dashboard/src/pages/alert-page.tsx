import { formatNumber } from '@bothub/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { bothub } from '../api/bothub.js';
import { useAlert } from '../api/queries.js';
import { ErrorMessage, QueryState } from '../components/query-state.js';
import { SeverityBadge } from '../components/status-badge.js';
import { formatTime } from '../format/format-time.js';

type Action = 'acknowledge' | 'resolve' | 'real' | 'false';

const ACTOR_KEY = 'bothub.actor';

/**
 * One alert: its evidence, what happened to it and its notifications, with acknowledge, resolve and feedback buttons.
 *
 * @example
 * <Route path="/alerts/:alert" element={<AlertPage />} />
 */
export default function AlertPage() {
  const id = useParams().alert!;
  const alert = useAlert(id);
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  // Who acts, remembered in this browser (the API has no sign-in yet; without a name the service records "anonymous").
  const [actor, setActor] = useState(() => localStorage.getItem(ACTOR_KEY) ?? '');
  const act = useMutation({
    mutationFn: async (action: Action) => {
      const body = { ...(note.trim() === '' ? {} : { note: note.trim() }), ...(actor.trim() === '' ? {} : { by: actor.trim() }) };
      const path = { params: { path: { alert: id } } };
      if (action === 'acknowledge') return bothub.post('/api/v1/alerts/{alert}/acknowledge', { ...path, body });
      if (action === 'resolve') return bothub.post('/api/v1/alerts/{alert}/resolve', { ...path, body });
      return bothub.post('/api/v1/alerts/{alert}/feedback', { ...path, body: { ...body, verdict: action } });
    },
    onSuccess: async () => {
      setNote('');
      await queryClient.invalidateQueries({ predicate: (q) => ['alert', 'alerts', 'fleet', 'health'].includes(q.queryKey[0] as string) });
    },
  });

  return (
    <section aria-labelledby="alert-title">
      <p className="crumbs">
        <Link to="/alerts">Alerts</Link> › alert
      </p>
      <QueryState query={alert}>
        {(a) => {
          const link = a.evidence.link.startsWith('/') ? a.evidence.link : null;
          return (
            <>
              <h1 id="alert-title">
                <SeverityBadge severity={a.severity} /> {a.evidence.reason}
              </h1>
              <p>
                Status <strong data-testid="alert-status">{a.status}</strong> · first fired {formatTime(a.firstFiredAt)} · last {formatTime(a.lastFiredAt)} · fired {a.fireCount}×
                {a.acknowledgedBy !== null && ` · acknowledged by ${a.acknowledgedBy} at ${formatTime(a.acknowledgedAt)}`}
                {a.resolvedBy !== null && ` · resolved by ${a.resolvedBy} at ${formatTime(a.resolvedAt)}`}
              </p>
              <div className="card">
                <h2>Evidence</h2>
                <dl className="facts">
                  <dt>Metric</dt>
                  <dd>{a.evidence.metric}</dd>
                  <dt>Feature</dt>
                  <dd>{a.evidence.feature ?? '—'}</dd>
                  <dt>Value</dt>
                  <dd>{formatNumber(a.evidence.value)}</dd>
                  <dt>Threshold</dt>
                  <dd>{formatNumber(a.evidence.threshold)}</dd>
                  <dt>Window</dt>
                  <dd>{link ? <Link to={link}>window ending {formatTime(a.evidence.time)}</Link> : formatTime(a.evidence.time)}</dd>
                </dl>
                {a.evidence.topFeatures.length > 0 && (
                  <table className="data" aria-label="Most drifting features">
                    <thead>
                      <tr>
                        <th scope="col">Feature</th>
                        <th scope="col" className="num">
                          Effect size
                        </th>
                        <th scope="col">Drifted</th>
                      </tr>
                    </thead>
                    <tbody>
                      {a.evidence.topFeatures.map((f) => (
                        <tr key={f.feature}>
                          <td>{f.feature}</td>
                          <td className="num">{formatNumber(f.effectSize)}</td>
                          <td>{f.drifted ? 'yes' : 'no'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </div>
              <div className="card">
                <h2>Act</h2>
                <label className="block">
                  Your name (optional)
                  <input
                    value={actor}
                    maxLength={200}
                    autoComplete="name"
                    onChange={(e) => {
                      setActor(e.target.value);
                      localStorage.setItem(ACTOR_KEY, e.target.value);
                    }}
                  />
                </label>
                <label className="block">
                  Note (optional)
                  <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={2000} />
                </label>
                <div className="buttons">
                  <button type="button" disabled={a.status !== 'firing' || act.isPending} onClick={() => act.mutate('acknowledge')}>
                    Acknowledge
                  </button>
                  <button type="button" disabled={a.status === 'resolved' || act.isPending} onClick={() => act.mutate('resolve')}>
                    Resolve
                  </button>
                  <button type="button" disabled={act.isPending} aria-pressed={a.feedback?.verdict === 'real'} onClick={() => act.mutate('real')}>
                    Real problem
                  </button>
                  <button type="button" disabled={act.isPending} aria-pressed={a.feedback?.verdict === 'false'} onClick={() => act.mutate('false')}>
                    False alarm
                  </button>
                </div>
                {a.feedback && (
                  <p className="small">
                    Feedback: {a.feedback.verdict === 'real' ? 'real problem' : 'false alarm'} by {a.feedback.by} at {formatTime(a.feedback.at)}
                  </p>
                )}
                {act.error && <ErrorMessage error={act.error} />}
              </div>
              <div className="grid-2">
                <div className="card">
                  <h2>History</h2>
                  <ol className="events" aria-label="Alert history">
                    {a.events.map((e, i) => (
                      <li key={i}>
                        {formatTime(e.at)} — {e.action} by {e.by}
                        {e.note !== null && `: ${e.note}`}
                      </li>
                    ))}
                  </ol>
                </div>
                <div className="card">
                  <h2>Notifications</h2>
                  {a.deliveries.length === 0 ? (
                    <p className="muted">None: no channel takes this severity.</p>
                  ) : (
                    <table className="data" aria-label="Notifications">
                      <thead>
                        <tr>
                          <th scope="col">Channel</th>
                          <th scope="col">Event</th>
                          <th scope="col">Status</th>
                          <th scope="col">Sent</th>
                        </tr>
                      </thead>
                      <tbody>
                        {a.deliveries.map((d) => (
                          <tr key={d.id}>
                            <td>{d.channel ?? '(deleted)'}</td>
                            <td>{d.event}</td>
                            <td title={d.lastError ?? undefined}>{d.status}</td>
                            <td>{formatTime(d.sentAt)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </div>
              </div>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

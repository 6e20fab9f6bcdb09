import { describe, expect, it } from 'vitest';
import { slackMessageProblems } from '../testing/channel-payload-problems.js';
import { SAMPLE_ALERT, sampleNotification } from '../testing/sample-notification.js';
import { renderSlackMessage } from './render-slack-message.js';

describe('renderSlackMessage', () => {
  it('lays a firing alert out as Block Kit that Slack accepts: header, reason with facts, top features, a button', () => {
    const message = renderSlackMessage(sampleNotification());
    expect(slackMessageProblems(message)).toEqual([]);
    expect(message.text).toBe('[critical] credit: drift.share 0.625 above 0.5');
    expect(message.blocks.map((block) => block.type)).toEqual(['header', 'section', 'section', 'actions']);
    const [header, facts, features, actions] = message.blocks;
    expect(header).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Firing: credit — Dataset drift', emoji: true } });
    if (facts?.type !== 'section' || features?.type !== 'section' || actions?.type !== 'actions') throw new Error('unexpected block types');
    expect(facts.text.text).toBe(':red_circle: *drift.share 0.625 above 0.5*');
    expect(facts.fields?.map((field) => field.text)).toEqual([
      '*Model*\ncredit',
      '*Version*\nv3',
      '*Segment*\nall',
      '*Severity*\ncritical',
      '*Metric*\ndrift.share',
      '*Value vs threshold*\n0.625 vs 0.5',
      '*Status*\nfiring',
      '*Window*\nwin_07 (2026-01-01T10:00:00.000Z)',
      '*Rule*\nDataset drift',
    ]);
    expect(features.text.text).toBe('*Top drifting features*\n• income: effect size 0.81 (drifted)\n• age: effect size 0.42 (drifted)\n• region: effect size 0.05');
    expect(actions.elements[0]).toMatchObject({ type: 'button', url: 'https://bothub.example.com/models/credit/windows/win_07' });
  });

  it('says who acknowledged or resolved the alert', () => {
    const at = Date.UTC(2026, 0, 1, 11);
    const acknowledged = renderSlackMessage(sampleNotification({ event: 'acknowledged', alert: { ...SAMPLE_ALERT, status: 'acknowledged', acknowledgedAt: at, acknowledgedBy: 'alice' } }));
    expect(acknowledged.text).toBe('[critical] Acknowledged: credit: drift.share 0.625 above 0.5');
    expect(acknowledged.blocks).toContainEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Acknowledged by alice at 2026-01-01T11:00:00.000Z' }] });
    const resolved = renderSlackMessage(sampleNotification({ event: 'resolved', alert: { ...SAMPLE_ALERT, status: 'resolved', resolvedAt: at, resolvedBy: 'system' } }));
    expect(resolved.blocks[0]).toMatchObject({ text: { text: 'Resolved: credit — Dataset drift' } });
    expect(resolved.blocks).toContainEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Resolved by system at 2026-01-01T11:00:00.000Z' }] });
    expect(slackMessageProblems(resolved)).toEqual([]);
  });

  it('escapes Slack markup in names and cuts long texts to Slack limits', () => {
    const alert = { ...SAMPLE_ALERT, evidence: { ...SAMPLE_ALERT.evidence, reason: `<!channel> & ${'x'.repeat(4000)}`, topFeatures: [], feature: '<b>' } };
    const message = renderSlackMessage(sampleNotification({ alert, rule: { id: 'r', name: 'y'.repeat(300) } }));
    expect(slackMessageProblems(message)).toEqual([]);
    const section = message.blocks[1];
    if (section?.type !== 'section') throw new Error('no section');
    expect(section.text.text.startsWith(':red_circle: *&lt;!channel&gt; &amp; xxx')).toBe(true);
    expect(section.text.text.length).toBe(3000);
    expect(section.fields?.find((field) => field.text.startsWith('*Metric*'))?.text).toBe('*Metric*\ndrift.share (&lt;b&gt;)');
    expect(message.blocks.some((block) => block.type === 'section' && block.text.text.startsWith('*Top'))).toBe(false);
  });

  it('leaves the button out rather than send a URL Slack would refuse', () => {
    const message = renderSlackMessage(sampleNotification({ url: `https://bothub.example.com/${'p'.repeat(3000)}` }));
    expect(message.blocks.some((block) => block.type === 'actions')).toBe(false);
    expect(slackMessageProblems(message)).toEqual([]);
  });
});

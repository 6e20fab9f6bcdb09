import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape-html.js';
import { escapeScriptJson, escapeScriptSource } from './escape-script.js';
import { formatCount, formatNumber, formatPValue, formatShare } from './format-value.js';
import { renderHtmlReport } from './render-html-report.js';
import { makeSampleReport, MALICIOUS_COLUMN } from './sample-report.js';

const report = makeSampleReport();
const html = renderHtmlReport(report);
// The page outside its scripts: what the HTML parser turns into elements.
const markup = html.replace(/(<script[^>]*>)[\s\S]*?<\/script>/g, '$1</script>');

describe('renderHtmlReport', () => {
  it('references no network resource', () => {
    expect(html).not.toMatch(/\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);
    expect(html).toContain("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';");
  });

  it('escapes hostile column names and categories', () => {
    expect(html).not.toContain(MALICIOUS_COLUMN);
    expect(markup).not.toContain('<img');
    expect(markup).not.toContain('<b>');
    expect(html).toContain(escapeHtml(MALICIOUS_COLUMN));
    // The category with a closing script tag sits in the embedded JSON; it must not end the element early.
    expect(html.match(/<\/script>/g)).toHaveLength(4);
    expect(html.match(/<script[\s>]/g)).toHaveLength(4);
  });

  it('embeds the report as parseable JSON equal to the input', () => {
    const match = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html);
    expect(match).not.toBeNull();
    const embedded = match?.[1] ?? '';
    expect(embedded).not.toContain('<');
    expect(JSON.parse(embedded)).toEqual(report);
  });

  it('orders the sections summary first and charts every distribution', () => {
    const ids = [...html.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['summary', 'dataset-drift', 'columns', 'data-quality', 'performance', 'anomalies', 'fairness', 'segments']);
    const options = JSON.parse(/<script type="application\/json" id="chart-options">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '{}') as Record<string, unknown>;
    const placeholders = [...html.matchAll(/data-chart="(c\d+)"/g)].map((m) => m[1]);
    expect(Object.keys(options).sort()).toEqual([...placeholders].sort());
    // 11 columns with a distribution (the id column has none), 2 heatmaps, 7 metrics, 1 donut, 1 anomaly, 2 fairness sides, 1 segments chart.
    expect(placeholders).toHaveLength(11 + 2 + 7 + 1 + 1 + 2 + 1);
  });

  it('replaces a missing section by a one-line note', () => {
    const bare = renderHtmlReport({ ...report, performance: null, anomalies: null, fairness: null, segments: null });
    for (const id of ['performance', 'anomalies', 'fairness', 'segments']) {
      expect(bare).toMatch(new RegExp(`<section id="${id}"[^>]*><h2[^>]*>[^<]+</h2><p class="note">Not computed: [^<]+</p></section>`));
    }
  });

  it('shows the rows dropped from performance and its notes', () => {
    expect(markup).toContain('Rows left out for a missing target or prediction: 0 reference, 800 current.');
    expect(markup).toContain('<li>F1 intervals are bootstrap percentiles over 1,000 resamples.</li>');
  });

  it('keeps one sparkline per column for wide reports', () => {
    const wide = renderHtmlReport(makeSampleReport({ extraColumns: 150 }));
    expect(wide.match(/class="chart chart-spark"/g)).toHaveLength(161);
  });
});

describe('escaping helpers', () => {
  it('escapes the five HTML special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('keeps JSON parseable while removing every <', () => {
    const value = { s: '</script><!-- \u2028' };
    const text = escapeScriptJson(value);
    expect(text).toBe('{"s":"\\u003c/script>\\u003c!-- \\u2028"}');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('neutralises closing script tags in inline JavaScript without changing string values', () => {
    const source = 'window.s = "</SCRIPT><!--";';
    const escaped = escapeScriptSource(source);
    expect(escaped).toBe('window.s = "<\\/SCRIPT><\\!--";');
    const sandbox = { window: { s: '' } };
    runInNewContext(escaped, sandbox);
    expect(sandbox.window.s).toBe('</SCRIPT><!--');
  });
});

describe('number formatting', () => {
  it('formats numbers, p-values, shares and counts', () => {
    expect([formatNumber(0.123456), formatNumber(12345.6), formatNumber(0.00001234), formatNumber(null), formatNumber(-2.5)]).toEqual(['0.123', '12,346', '1.23e-5', '—', '-2.5']);
    expect([formatPValue(0.03214), formatPValue(1e-9), formatPValue(null)]).toEqual(['0.032', '< 0.0001', '—']);
    expect([formatShare(0.1234), formatShare(1)]).toEqual(['12.3 %', '100.0 %']);
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});

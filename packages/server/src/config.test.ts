import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('applies defaults < file < environment < flags and freezes the result', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bothub-config-')), 'bothub.json');
    writeFileSync(file, JSON.stringify({ port: 7000, dataDir: '/srv/bothub', batchLimit: 500 }));
    const config = loadConfig({ port: 9000 }, { BOTHUB_PORT: '8000', BOTHUB_BATCH_LIMIT: '700', BOTHUB_CONFIG: file });
    expect(config.port).toBe(9000);
    expect(config.batchLimit).toBe(700);
    expect(config.dataDir).toBe('/srv/bothub');
    expect(config.host).toBe(DEFAULT_CONFIG.host);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('limits reference uploads apart from other bodies: 1 GiB unless BOTHUB_REFERENCE_BODY_LIMIT_BYTES says otherwise', () => {
    expect(loadConfig({}, {}).referenceBodyLimitBytes).toBe(1024 ** 3);
    expect(loadConfig({}, { BOTHUB_REFERENCE_BODY_LIMIT_BYTES: '5000000000' }).referenceBodyLimitBytes).toBe(5_000_000_000);
    expect(() => loadConfig({}, { BOTHUB_REFERENCE_BODY_LIMIT_BYTES: '10' })).toThrow('configuration: environment referenceBodyLimitBytes must be an integer in [1024,');
  });

  it('applies retention hourly unless BOTHUB_RETENTION_INTERVAL_MS says otherwise', () => {
    expect(loadConfig({}, {}).retentionIntervalMs).toBe(3_600_000);
    expect(loadConfig({}, { BOTHUB_RETENTION_INTERVAL_MS: '60000' }).retentionIntervalMs).toBe(60_000);
    expect(() => loadConfig({}, { BOTHUB_RETENTION_INTERVAL_MS: '0' })).toThrow('configuration: environment retentionIntervalMs must be an integer in [1000, 86400000], got "0"');
  });

  it('caps the feature series of /metrics at 100 per model unless BOTHUB_METRICS_FEATURE_CAP says otherwise', () => {
    expect(loadConfig({}, {}).metricsFeatureCap).toBe(100);
    expect(loadConfig({}, { BOTHUB_METRICS_FEATURE_CAP: '20' }).metricsFeatureCap).toBe(20);
    expect(() => loadConfig({ metricsFeatureCap: -1 }, {})).toThrow('configuration: flag metricsFeatureCap must be an integer in [0, 100000], got -1');
  });

  it('bounds event streams at 100 and serves no dashboard unless told where its build is', () => {
    expect(loadConfig({}, {})).toMatchObject({ maxEventStreams: 100, dashboardDir: null });
    expect(loadConfig({}, { BOTHUB_MAX_EVENT_STREAMS: '5', BOTHUB_DASHBOARD_DIR: '/srv/dashboard' })).toMatchObject({ maxEventStreams: 5, dashboardDir: '/srv/dashboard' });
    expect(loadConfig({ dashboardDir: '/opt/ui' }, { BOTHUB_DASHBOARD_DIR: '/srv/dashboard' }).dashboardDir).toBe('/opt/ui');
    expect(() => loadConfig({ maxEventStreams: -1 }, {})).toThrow('configuration: flag maxEventStreams must be an integer in [0, 100000], got -1');
    expect(() => loadConfig({ dashboardDir: '' }, {})).toThrow('configuration: flag dashboardDir must be a directory path or null');
  });

  it('reads the alerting settings: public URL, delivery age, private channel hosts, retrain commands', () => {
    expect(loadConfig({}, {})).toMatchObject({ publicUrl: null, deliveryMaxAgeHours: 24, allowPrivateChannelHosts: [], retrainCommands: [] });
    const config = loadConfig({}, {
      BOTHUB_PUBLIC_URL: 'https://bothub.example.com',
      BOTHUB_DELIVERY_MAX_AGE_HOURS: '48',
      BOTHUB_ALLOW_PRIVATE_CHANNEL_HOSTS: '10.0.0.0/8, hooks.internal ,',
      BOTHUB_RETRAIN_COMMANDS: '[["/opt/retrain.sh", "--queue", "ml"]]',
    });
    expect(config).toMatchObject({ publicUrl: 'https://bothub.example.com', deliveryMaxAgeHours: 48, allowPrivateChannelHosts: ['10.0.0.0/8', 'hooks.internal'], retrainCommands: [['/opt/retrain.sh', '--queue', 'ml']] });
    expect(loadConfig({ allowPrivateChannelHosts: ['127.0.0.1'], retrainCommands: [['true']] }, {})).toMatchObject({ allowPrivateChannelHosts: ['127.0.0.1'], retrainCommands: [['true']] });
    expect(() => loadConfig({}, { BOTHUB_PUBLIC_URL: 'ftp://x' })).toThrow('configuration: environment publicUrl must be an http:// or https:// URL');
    expect(() => loadConfig({}, { BOTHUB_RETRAIN_COMMANDS: '/opt/retrain.sh' })).toThrow('configuration: environment retrainCommands must be JSON');
    expect(() => loadConfig({ retrainCommands: [[]] }, {})).toThrow('configuration: flag retrainCommands must be an array of commands');
    expect(() => loadConfig({ allowPrivateChannelHosts: [1] }, {})).toThrow('configuration: flag allowPrivateChannelHosts must be a list of non-empty strings');
  });

  it('names the setting and its source when a value is wrong', () => {
    expect(() => loadConfig({}, { BOTHUB_PORT: 'eighty' })).toThrow('configuration: environment port must be an integer in [0, 65535], got "eighty"');
    expect(() => loadConfig({ databaseUrl: 'mysql://x' }, {})).toThrow('configuration: flag databaseUrl must be a postgres:// URL');
    expect(() => loadConfig({ colour: 'blue' }, {})).toThrow('configuration: flag colour is not a known setting');
  });
});

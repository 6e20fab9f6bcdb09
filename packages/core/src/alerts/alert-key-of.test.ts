import { makeAlertRule } from '@bothub/testkit';
import { describe, expect, it } from 'vitest';
import { alertKeyOf } from './alert-key-of.js';

describe('alertKeyOf', () => {
  it('takes segment and feature from the series point and the version from the rule', () => {
    const rule = makeAlertRule({ versionId: 'v1', segment: '*', feature: '*' });
    expect(alertKeyOf(rule, { segment: 'eu', feature: 'income' })).toEqual({ modelId: 'm1', versionId: 'v1', segment: 'eu', feature: 'income' });
  });

  it('without a point uses the rule, with "*" as null', () => {
    expect(alertKeyOf(makeAlertRule({ segment: '*', feature: '*' }), null)).toEqual({ modelId: 'm1', versionId: null, segment: null, feature: null });
    expect(alertKeyOf(makeAlertRule({ segment: 'eu', feature: null }), null)).toEqual({ modelId: 'm1', versionId: null, segment: 'eu', feature: null });
  });
});

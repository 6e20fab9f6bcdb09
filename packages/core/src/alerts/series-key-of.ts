/**
 * The key that names one series of a rule, and so one alert: `${versionId ?? '*'}|${segment ?? ''}|${feature ?? ''}`.
 * Accepts an AlertKey, an Alert or anything with those three fields.
 * @example seriesKeyOf({ versionId: null, segment: 'eu', feature: 'income' }); // '*|eu|income'
 */
export function seriesKeyOf(key: { readonly versionId: string | null; readonly segment: string | null; readonly feature: string | null }): string {
  return `${key.versionId ?? '*'}|${key.segment ?? ''}|${key.feature ?? ''}`;
}

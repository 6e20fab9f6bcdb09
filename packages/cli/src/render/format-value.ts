// The formatters live in core so the HTML report and the dashboard show numbers the same way.
export { formatCount, formatNumber, formatPValue, formatShare } from '@bothub/core';

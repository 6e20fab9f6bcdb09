export { renderHtmlReport } from './render-html-report.js';

/**
 * What the real services would refuse in a payload, checked the way their documentation states it, so channel tests
 * catch a message Slack or PagerDuty would answer with 400. Each function returns the problems found (none: valid).
 * Slack: https://api.slack.com/reference/block-kit/blocks; PagerDuty: https://developer.pagerduty.com/docs/events-api-v2/trigger-events/
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown, max: number): boolean => typeof value === 'string' && value.length > 0 && value.length <= max;

function textObjectProblems(value: unknown, where: string, max: number, types: readonly string[]): string[] {
  if (!isObject(value)) return [`${where} is not a text object`];
  const problems: string[] = [];
  if (!types.includes(String(value.type))) problems.push(`${where}.type ${String(value.type)} is not ${types.join(' or ')}`);
  if (!isText(value.text, max)) problems.push(`${where}.text is empty or longer than ${max}`);
  return problems;
}

function blockProblems(block: unknown, i: number): string[] {
  const where = `blocks[${i}]`;
  if (!isObject(block)) return [`${where} is not an object`];
  switch (block.type) {
    case 'header':
      return textObjectProblems(block.text, `${where}.text`, 150, ['plain_text']);
    case 'section': {
      const problems = block.text === undefined && block.fields === undefined ? [`${where} has neither text nor fields`] : [];
      if (block.text !== undefined) problems.push(...textObjectProblems(block.text, `${where}.text`, 3000, ['plain_text', 'mrkdwn']));
      if (block.fields !== undefined) {
        if (!Array.isArray(block.fields) || block.fields.length > 10) problems.push(`${where}.fields is not an array of at most 10`);
        else block.fields.forEach((field, j) => problems.push(...textObjectProblems(field, `${where}.fields[${j}]`, 2000, ['plain_text', 'mrkdwn'])));
      }
      return problems;
    }
    case 'context':
      if (!Array.isArray(block.elements) || block.elements.length === 0 || block.elements.length > 10) return [`${where}.elements is not an array of 1 to 10`];
      return block.elements.flatMap((element, j) => textObjectProblems(element, `${where}.elements[${j}]`, 3000, ['plain_text', 'mrkdwn']));
    case 'actions':
      if (!Array.isArray(block.elements) || block.elements.length === 0 || block.elements.length > 25) return [`${where}.elements is not an array of 1 to 25`];
      return block.elements.flatMap((element: unknown, j) => {
        const at = `${where}.elements[${j}]`;
        if (!isObject(element) || element.type !== 'button') return [`${at} is not a button`];
        return [
          ...textObjectProblems(element.text, `${at}.text`, 75, ['plain_text']),
          ...(element.url === undefined || isText(element.url, 3000) ? [] : [`${at}.url is empty or longer than 3000`]),
          ...(element.action_id === undefined || isText(element.action_id, 255) ? [] : [`${at}.action_id is empty or longer than 255`]),
        ];
      });
    default:
      return [`${where}.type ${String(block.type)} is not a block this check knows`];
  }
}

/**
 * @example
 * expect(slackMessageProblems(JSON.parse(request.body))).toEqual([]);
 */
export function slackMessageProblems(message: unknown): string[] {
  if (!isObject(message)) return ['the message is not a JSON object'];
  const problems: string[] = [];
  if (!isText(message.text, 40_000)) problems.push('text (the notification fallback) is missing');
  if (message.blocks !== undefined) {
    if (!Array.isArray(message.blocks) || message.blocks.length > 50) problems.push('blocks is not an array of at most 50');
    else message.blocks.forEach((block, i) => problems.push(...blockProblems(block, i)));
  }
  return problems;
}

/**
 * @example
 * expect(pagerDutyEventProblems(JSON.parse(request.body))).toEqual([]);
 */
export function pagerDutyEventProblems(event: unknown): string[] {
  if (!isObject(event)) return ['the event is not a JSON object'];
  const problems: string[] = [];
  if (!isText(event.routing_key, 1000)) problems.push('routing_key is missing');
  if (!['trigger', 'acknowledge', 'resolve'].includes(String(event.event_action))) problems.push(`event_action ${String(event.event_action)} is not trigger, acknowledge or resolve`);
  if (event.dedup_key !== undefined && !isText(event.dedup_key, 255)) problems.push('dedup_key is empty or longer than 255');
  if (event.event_action !== 'trigger') {
    if (event.dedup_key === undefined) problems.push(`${String(event.event_action)} needs a dedup_key`);
    return problems;
  }
  const payload = event.payload;
  if (!isObject(payload)) return [...problems, 'payload is missing'];
  if (!isText(payload.summary, 1024)) problems.push('payload.summary is empty or longer than 1024');
  if (!isText(payload.source, 255)) problems.push('payload.source is missing');
  if (!['critical', 'error', 'warning', 'info'].includes(String(payload.severity))) problems.push(`payload.severity ${String(payload.severity)} is not critical, error, warning or info`);
  if (payload.timestamp !== undefined && (typeof payload.timestamp !== 'string' || Number.isNaN(Date.parse(payload.timestamp)))) problems.push('payload.timestamp is not an ISO 8601 time');
  for (const name of ['component', 'group', 'class'] as const) if (payload[name] !== undefined && typeof payload[name] !== 'string') problems.push(`payload.${name} is not a string`);
  if (payload.custom_details !== undefined && !isObject(payload.custom_details)) problems.push('payload.custom_details is not an object');
  if (event.links !== undefined && (!Array.isArray(event.links) || !event.links.every((link) => isObject(link) && isText(link.href, 2000)))) problems.push('links are not { href, text } objects');
  return problems;
}

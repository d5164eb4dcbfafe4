/** Markdown pieces for hovers that hold the user's text (label values, names), which may be empty or hold backticks. */

/** Inline code that renders whatever it holds: a backtick run longer than any inside, padded where one touches it. */
export function codeSpan(text: string): string {
  if (!text) return '*(empty)*';
  const ticks = '`'.repeat(longestBacktickRun(text) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

/** A fenced block whose fence no backtick run inside can close. */
export function fencedText(text: string): string {
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(text) + 1));
  return `${fence}text\n${text}\n${fence}`;
}

/** Text (a finding's message holds names and values the user wrote) that Markdown shows as it is. */
export function plainText(text: string): string {
  return text.replace(/[\\`*<]/g, '\\$&');
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

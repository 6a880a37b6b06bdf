/**
 * A strict reader of Prometheus's text exposition format (version 0.0.4) for tests: every line
 * is a comment (# HELP / # TYPE), blank, or one sample `name{label="value",...} value`; anything
 * else throws, so a test fails on output a scraper would refuse.
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)(?: -?\\d+)?$`);
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)/y;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const [, name, value] = LABEL.exec(text) ?? [];
    if (name === undefined || value === undefined) throw new Error(`Bad labels in: ${line}`);
    labels[name] = value.replace(/\\n/g, '\n').replace(/\\(["\\])/g, '$1');
  }
  return labels;
}

function parseValue(text: string, line: string): number {
  // Prometheus reads values with Go's ParseFloat: NaN and Inf in any case (prom-client writes Nan).
  if (/^nan$/i.test(text)) return NaN;
  if (/^[+]?inf$/i.test(text)) return Infinity;
  if (/^-inf$/i.test(text)) return -Infinity;
  const value = Number(text);
  if (text.trim() === '' || Number.isNaN(value)) throw new Error(`Bad value in: ${line}`);
  return value;
}

/** Every sample of a scrape, and each family's TYPE; throws on a line not in the format. */
export function parsePrometheus(text: string): { samples: Sample[]; types: Map<string, string> } {
  const samples: Sample[] = [];
  const typed = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    if (line.startsWith('#')) {
      const [, family, type] = /^# TYPE (\S+) (\S+)$/.exec(line) ?? [];
      if (family !== undefined && type !== undefined) {
        if (!TYPES.has(type)) throw new Error(`Unknown type in: ${line}`);
        typed.set(family, type);
      } else if (!/^# HELP \S+ /.test(line) && !/^# HELP \S+$/.test(line)) {
        throw new Error(`Bad comment: ${line}`);
      }
      continue;
    }
    const [, name, labels, value] = SAMPLE.exec(line) ?? [];
    if (name === undefined || value === undefined) throw new Error(`Bad sample: ${line}`);
    const family = name.replace(/_(bucket|sum|count|total|created)$/, '');
    if (!typed.has(name) && !typed.has(family)) throw new Error(`Sample without a TYPE: ${line}`);
    samples.push({
      name,
      labels: labels ? parseLabels(labels, line) : {},
      value: parseValue(value, line),
    });
  }
  return { samples, types: typed };
}

/** Every sample of a scrape; throws on a line that is not in the format. */
export function parsePrometheusText(text: string): Sample[] {
  return parsePrometheus(text).samples;
}

/** The value of the one sample with this name and these labels (others may differ); 0 if none. */
export function sampleValue(
  samples: Sample[],
  name: string,
  labels: Record<string, string> = {},
): number {
  const found = samples.filter(
    (sample) =>
      sample.name === name &&
      Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  );
  if (found.length > 1) throw new Error(`${found.length} samples of ${name} match`);
  return found[0]?.value ?? 0;
}

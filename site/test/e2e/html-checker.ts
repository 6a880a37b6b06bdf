import { execFile, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** One problem the Nu HTML Checker found. */
export interface HtmlProblem {
  /** The file, as a file: URL. */
  url: string;
  line?: number;
  message: string;
}

const hasJava = () => {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/**
 * Makes sure Java is there for the checker: installs Debian's openjdk-17-jre-headless when
 * running as root, or stops with one line saying what to install. Never skipped silently.
 */
export function ensureJava(): void {
  if (hasJava()) return;
  if (process.getuid?.() === 0) {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'openjdk-17-jre-headless'], {
      stdio: 'ignore',
    });
    if (hasJava()) return;
  }
  throw new Error(
    'Java is missing for the HTML checker: install it with "apt-get install -y openjdk-17-jre-headless".',
  );
}

/**
 * Runs the Nu HTML Checker (vnu-jar from npm, the W3C's validator) over every HTML file below
 * `dir` and returns its errors (warnings left out). It reads files only: nothing goes online.
 */
export async function checkHtml(dir: string): Promise<HtmlProblem[]> {
  ensureJava();
  // vnu-jar 25.11.25 exports the jar's path; later versions download a Java from GitHub when
  // installed, which this project may not do (see the README's dependencies).
  const jar = require('vnu-jar') as string;
  const report = await new Promise<string>((resolve, reject) => {
    // The checker writes its JSON report to stderr and exits 1 when it found errors.
    execFile(
      'java',
      ['-jar', jar, '--errors-only', '--format', 'json', '--skip-non-html', dir],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        if (stderr.trim().startsWith('{')) resolve(stderr);
        else reject(error ?? new Error(`The HTML checker gave no report: ${stderr.slice(0, 500)}`));
      },
    );
  });
  const { messages } = JSON.parse(report) as {
    messages: { type: string; url: string; lastLine?: number; message: string }[];
  };
  return messages
    .filter((message) => message.type === 'error' || message.type === 'non-document-error')
    .map((message) => ({ url: message.url, line: message.lastLine, message: message.message }));
}

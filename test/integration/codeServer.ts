// Starts code-server (a real VS Code server installed by .ci/install-vscode.sh) and Chromium for the integration tests.
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';

export const CODE_SERVER_VERSION = '4.100.3';
export const CHROMIUM_PATH = process.env.ARTICLE_ANNOTATOR_CHROMIUM ?? '/usr/bin/chromium';
/** Flags that keep Debian's Chromium quiet and offline in a container without a GPU or a sandbox. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Settings that keep the workbench from reaching for the network or opening editors of its own. */
export const QUIET_SETTINGS: Record<string, unknown> = {
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
};

export interface CodeServerOptions {
  /** Repository root; code-server is looked up in `<repoRoot>/.vscode-test/code-server`. */
  repoRoot: string;
  /** Folder the workbench opens. */
  folder: string;
  /** Written to `<user-data-dir>/User/settings.json`. */
  settings: Record<string, unknown>;
  /** Extra environment for the server and so for the extension host it spawns. */
  env?: Record<string, string>;
  /** Where the server's own output goes; a temp file when absent. */
  logFile?: string;
  /** Defaults to 0: the OS picks a free loopback port, read back from the server's log. */
  port?: number;
  /** How long to wait for the server to answer, in ms. */
  startTimeoutMs?: number;
  /** .vsix files installed into the fresh extensions dir before the server starts (`--install-extension`). */
  installExtensions?: string[];
}

export interface RunningCodeServer {
  /** `http://127.0.0.1:<port>` without a trailing slash. */
  url: string;
  port: number;
  userDataDir: string;
  extensionsDir: string;
  logFile: string;
  /** Kills the whole process group and removes the temp user-data and extensions dirs. */
  stop(): Promise<void>;
}

/** Path of code-server's entry script, or an error telling how to install it. */
export function codeServerEntry(repoRoot: string): string {
  const installDir = path.join(repoRoot, '.vscode-test', 'code-server');
  const entry = path.join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const stamp = path.join(installDir, `.installed-${CODE_SERVER_VERSION}`);
  if (!fs.existsSync(entry) || !fs.existsSync(stamp)) {
    throw new Error(
      `code-server ${CODE_SERVER_VERSION} is not installed in ${installDir}.\n` +
        `Install it (needs root for apt-get, takes a few minutes): bash .ci/install-vscode.sh`,
    );
  }
  return entry;
}

const liveServers = new Set<ChildProcess>();
let exitHooksInstalled = false;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    // Negative pid: the server was spawned detached, so it leads its own group (extension host, watchers...).
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  // 'exit' handlers must be synchronous, so SIGKILL: nothing may outlive the test process.
  process.on('exit', () => {
    for (const child of liveServers) killGroup(child, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      console.error(`\ninterrupted by ${signal}: stopping code-server`);
      for (const child of liveServers) killGroup(child, 'SIGKILL');
      process.exit(signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 129);
    });
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function httpStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(0);
    });
  });
}

/** The environment the server sees: ours minus variables that would tie it to an enclosing VS Code. */
function serverEnv(extra: Record<string, string> | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

export function tailOfFile(file: string, maxChars = 4000): string {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.length > maxChars ? '...' + text.slice(-maxChars) : text;
  } catch {
    return '(no log)';
  }
}

/** Installs a .vsix the way a user does (`code-server --install-extension`), failing with its output. */
function installExtension(entry: string, dirArgs: string[], vsix: string, stateDir: string): void {
  const result = spawnSync(process.execPath, [entry, ...dirArgs, '--install-extension', vsix], {
    cwd: stateDir,
    env: serverEnv(undefined),
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    fs.rmSync(stateDir, { recursive: true, force: true, maxRetries: 3 });
    throw new Error(
      `code-server --install-extension ${vsix} failed (exit ${result.status ?? result.signal}):\n${output || result.error?.message}`,
    );
  }
}

export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  const entry = codeServerEntry(options.repoRoot);
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-code-server-'));
  const userDataDir = path.join(stateDir, 'user-data');
  const extensionsDir = path.join(stateDir, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2),
  );
  // An empty config of its own, so a password or certificate in ~/.config/code-server does not apply.
  const configFile = path.join(stateDir, 'config.yaml');
  fs.writeFileSync(configFile, '');
  const logFile = options.logFile ?? path.join(stateDir, 'code-server.log');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const dirArgs = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  for (const vsix of options.installExtensions ?? []) installExtension(entry, dirArgs, vsix, stateDir);
  const logFd = fs.openSync(logFile, 'w');

  const args = [
    entry,
    ...dirArgs,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${options.port ?? 0}`,
    '--disable-telemetry',
    '--disable-update-check',
    options.folder,
  ];
  installExitHooks();
  const child = spawn(process.execPath, args, {
    cwd: options.folder,
    env: serverEnv(options.env),
    stdio: ['ignore', logFd, logFd],
    detached: true,
  });
  fs.closeSync(logFd);
  liveServers.add(child);
  child.on('exit', () => liveServers.delete(child));

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    killGroup(child, 'SIGTERM');
    for (let i = 0; i < 50 && child.exitCode === null && child.signalCode === null; i++) await sleep(100);
    killGroup(child, 'SIGKILL');
    liveServers.delete(child);
    fs.rmSync(stateDir, { recursive: true, force: true, maxRetries: 3 });
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  let port = options.port ?? 0;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `code-server exited early (${child.exitCode ?? child.signalCode}); its log:\n${tailOfFile(logFile)}`,
        );
      }
      if (port === 0) {
        const match = /HTTP server listening on https?:\/\/127\.0\.0\.1:(\d+)/.exec(tailOfFile(logFile, 100_000));
        if (match) port = Number(match[1]);
      }
      if (port !== 0 && (await httpStatus(`http://127.0.0.1:${port}/healthz`)) === 200) {
        return { url: `http://127.0.0.1:${port}`, port, userDataDir, extensionsDir, logFile, stop };
      }
      await sleep(200);
    }
    throw new Error(
      `code-server did not answer within ${options.startTimeoutMs ?? 60_000} ms; its log:\n${tailOfFile(logFile)}`,
    );
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * An absolute local path as the workbench's remote URI (code-server serves files as `vscode-remote://host:port/abs`).
 */
export function remoteUri(server: RunningCodeServer, absPath: string): string {
  const posix = absPath.split(path.sep).join('/');
  return `vscode-remote://127.0.0.1:${server.port}${posix.startsWith('/') ? '' : '/'}${posix}`;
}

/**
 * URL that opens `folder` with the extension at `extensionDevelopmentPath` loaded in development mode and,
 * when `extensionTestsPath` is given, runs that test module in the extension host.
 */
export function workbenchUrl(
  server: RunningCodeServer,
  folder: string,
  extensionDevelopmentPath: string,
  extensionTestsPath?: string,
): string {
  const payload: [string, string][] = [['extensionDevelopmentPath', remoteUri(server, extensionDevelopmentPath)]];
  if (extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(server, extensionTestsPath)]);
  return `${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Launches headless Debian Chromium through playwright-core, with a clear message when it is missing. */
export async function launchChromium(): Promise<import('playwright-core').Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}; install it with: bash .ci/install-vscode.sh (apt-get install chromium)`,
    );
  }
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

// `npm start`: opens seeds/ in a real VS Code with this extension loaded from the working tree.
//
// With the desktop `code` CLI on PATH: `code --extensionDevelopmentPath=<repo> <repo>/seeds`.
// Otherwise code-server from .vscode-test/code-server (installed by .ci/install-vscode.sh), on
// 127.0.0.1 only, and prints the address to open in a browser. Stays in the foreground until Ctrl+C.
// Options: --port=N (default 8080, or a free port when 8080 is taken), --code-server (skip the desktop
// CLI), --no-install (print the install command instead of running it).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const CODE_SERVER_VERSION = '4.100.3';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seeds = path.join(repoRoot, 'seeds');
const installDir = path.join(repoRoot, '.vscode-test', 'code-server');
const entry = path.join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const stamp = path.join(installDir, `.installed-${CODE_SERVER_VERSION}`);
const installScript = path.join(repoRoot, '.ci', 'install-vscode.sh');
const installCommand = `bash ${path.relative(process.cwd(), installScript) || '.ci/install-vscode.sh'}`;

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const value = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];

function onPath(command) {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, command), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function fail(message) {
  console.error(`start: ${message}`);
  process.exit(1);
}

if (!fs.existsSync(path.join(repoRoot, 'dist', 'extension.js')))
  fail('dist/extension.js is missing: run `npm run build` first');

if (onPath('code') && !flag('code-server')) {
  console.log(`start: opening ${seeds} in VS Code with the extension from ${repoRoot}`);
  // --wait keeps this command in the foreground until the window closes, as the code-server route does.
  const child = spawn('code', ['--new-window', '--wait', `--extensionDevelopmentPath=${repoRoot}`, seeds], {
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  await startCodeServer();
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function healthy(url) {
  return new Promise((resolve) => {
    const req = http.get(`${url}/healthz`, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => req.destroy());
  });
}

async function startCodeServer() {
  if (!fs.existsSync(entry) || !fs.existsSync(stamp)) {
    if (flag('no-install')) {
      fail(
        `no desktop \`code\` on PATH and code-server is not installed in ${installDir}.\n` +
          `Install it with: ${installCommand}`,
      );
    }
    console.log(`start: no desktop \`code\` on PATH and code-server ${CODE_SERVER_VERSION} is not installed yet.`);
    console.log(
      `start: installing it now with \`${installCommand}\` (apt-get needs root; a few minutes; once only)...`,
    );
    const install = spawnSync('bash', [path.join(repoRoot, '.ci', 'install-vscode.sh')], { stdio: 'inherit' });
    if (install.status !== 0) fail(`the install failed; fix the cause above and run: ${installCommand}`);
  }

  const wanted = Number(value('port') ?? process.env.PORT ?? 8080);
  const port = (await portIsFree(wanted)) ? wanted : await freePort();
  if (port !== wanted) console.log(`start: port ${wanted} is taken, using ${port}`);

  // State kept between starts (settings, open editors) in the ignored .vscode-test folder.
  const stateDir = path.join(repoRoot, '.vscode-test', 'start');
  const userDataDir = path.join(stateDir, 'user-data');
  const extensionsDir = path.join(stateDir, 'extensions');
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  const configFile = path.join(stateDir, 'config.yaml');
  fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  if (!fs.existsSync(settingsFile)) {
    // The seeds are this repository's own files; the trust prompt would only get in the way.
    const settings = {
      'security.workspace.trust.enabled': false,
      'workbench.startupEditor': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'telemetry.telemetryLevel': 'off',
    };
    fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
  }
  if (!fs.existsSync(configFile)) fs.writeFileSync(configFile, '');

  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('VSCODE_') && k !== 'ELECTRON_RUN_AS_NODE'),
  );
  const server = spawn(
    process.execPath,
    [
      entry,
      '--config',
      configFile,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      seeds,
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  const logFile = path.join(stateDir, 'code-server.log');
  const log = fs.createWriteStream(logFile);
  server.stdout.pipe(log);
  server.stderr.pipe(log);

  let stopping = false;
  const stop = (signal) => {
    try {
      process.kill(-server.pid, signal); // the whole group: server, extension host, file watchers
    } catch {
      /* already gone */
    }
  };
  process.on('exit', () => stop('SIGKILL'));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      console.log('\nstart: stopping code-server');
      stopping = true;
      stop('SIGTERM');
      setTimeout(() => process.exit(0), 3000).unref();
    });
  }
  server.on('exit', (code, signal) => {
    if (!stopping) console.error(`start: code-server exited (${code ?? signal}); its log: ${logFile}`);
    process.exit(code ?? 0);
  });

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (!(await healthy(url))) {
    if (Date.now() > deadline) fail(`code-server did not answer within 60 s; its log: ${logFile}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p.split(path.sep).join('/')}`;
  const payload = JSON.stringify([['extensionDevelopmentPath', remote(repoRoot)]]);
  const open = `${url}/?folder=${encodeURIComponent(seeds)}&payload=${encodeURIComponent(payload)}`;
  console.log(`start: VS Code (code-server ${CODE_SERVER_VERSION}) is serving ${seeds} on ${url}`);
  console.log('start: open this address in a browser (it loads the extension from this working tree):');
  console.log(`\n  ${open}\n`);
  console.log(`start: log in ${logFile}; after \`npm run build\`, reload the page to pick up changes. Ctrl+C stops.`);
}

#!/usr/bin/env bash
# Installs a real VS Code (code-server 4.100.3 from npm) and Debian's Chromium for the integration tests.
#
# Idempotent: a stamp file marks a finished install, so a second run returns at once.
# Needs Node 20 (code-server 4.100.3's engine), the npm registry and Debian's packages; runs as
# root (or with sudo) for apt-get. Installs into .vscode-test/code-server/ (ignored by git).
set -Eeuo pipefail

CODE_SERVER_VERSION=4.100.3
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$REPO_ROOT/.vscode-test/code-server"
STAMP="$DEST/.installed-$CODE_SERVER_VERSION"
APT_PACKAGES=(chromium ripgrep libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config python3 make g++)
# Native modules of VS Code's server that must be compiled against this machine's Node.
NATIVE_MODULES=(kerberos @vscode/spdlog @parcel/watcher native-watchdog @vscode/deviceid)

STARTED=$SECONDS
STEP="starting"
step() { STEP="$1"; echo "install-vscode: $1"; }
fail() {
  echo "install-vscode: FAILED while: $STEP (line $1)" >&2
  echo "install-vscode: fix the cause above and run 'bash .ci/install-vscode.sh' again;" >&2
  echo "install-vscode: to start from scratch, delete $DEST" >&2
  exit 1
}
trap 'fail $LINENO' ERR

if [[ -f "$STAMP" && -x /usr/bin/chromium ]]; then
  echo "install-vscode: code-server $CODE_SERVER_VERSION already installed in $DEST (stamp found), nothing to do"
  exit 0
fi

step "checking Node"
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
if [[ "$NODE_MAJOR" != "20" ]]; then
  echo "install-vscode: code-server $CODE_SERVER_VERSION needs Node 20, found $(node -v)" >&2
  false
fi

step "installing Debian packages: ${APT_PACKAGES[*]}"
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""
  if [[ "$(id -u)" != 0 ]]; then
    command -v sudo >/dev/null || { echo "install-vscode: need root or sudo to apt-get install ${missing[*]}" >&2; false; }
    SUDO="sudo"
  fi
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  echo "install-vscode: Debian packages already present"
fi
[[ -x /usr/bin/chromium ]] || { echo "install-vscode: /usr/bin/chromium missing after apt-get" >&2; false; }
[[ -x /usr/bin/rg ]] || { echo "install-vscode: /usr/bin/rg missing after apt-get" >&2; false; }

step "installing code-server $CODE_SERVER_VERSION from npm (scripts off: its postinstall downloads from the internet)"
mkdir -p "$DEST"
# A package.json of its own stops npm from walking up into the repository's manifest.
[[ -f "$DEST/package.json" ]] || echo '{ "name": "vscode-test-code-server", "private": true }' >"$DEST/package.json"
if [[ ! -f "$DEST/node_modules/code-server/package.json" ]] ||
   [[ "$(node -p "require('$DEST/node_modules/code-server/package.json').version")" != "$CODE_SERVER_VERSION" ]]; then
  (cd "$DEST" && npm install --no-audit --no-fund --ignore-scripts "code-server@$CODE_SERVER_VERSION")
fi
CS="$DEST/node_modules/code-server"
VS="$CS/lib/vscode"

step "installing VS Code server dependencies in lib/vscode"
(cd "$VS" && npm install --no-audit --no-fund --omit=dev --ignore-scripts)

step "compiling native modules: ${NATIVE_MODULES[*]}"
(cd "$VS" && npm rebuild "${NATIVE_MODULES[@]}")

step "compiling node-pty (terminal only; optional)"
if ! (cd "$VS/node_modules/node-pty" && npx --yes node-gyp rebuild --nodedir=/usr >/dev/null 2>&1); then
  # The terminal is the only user of node-pty; the tests and the editor work without it.
  if ! (cd "$VS" && npm rebuild node-pty >/dev/null 2>&1); then
    echo "install-vscode: warning: node-pty did not compile; the integrated terminal will not work"
  fi
fi

step "placing ripgrep (the npm package would download it)"
mkdir -p "$VS/node_modules/@vscode/ripgrep/bin"
cp -f /usr/bin/rg "$VS/node_modules/@vscode/ripgrep/bin/rg"

step "linking node_modules.asar and the CLI helpers"
(cd "$VS" && { [[ -e node_modules.asar ]] || ln -s node_modules node_modules.asar; })
(cd "$VS/bin/remote-cli" && ln -sfn code-linux.sh code-server)
(cd "$VS/bin/helpers" && ln -sfn browser-linux.sh browser.sh)

step "installing built-in extensions' dependencies"
(cd "$VS/extensions" && npm install --no-audit --no-fund --omit=dev --ignore-scripts)

step "compiling argon2 (code-server's password hashing)"
# npm hoists argon2 next to code-server, so rebuild from the install folder, not from code-server's own.
(cd "$DEST" && npm rebuild argon2)
[[ -n "$(find "$DEST/node_modules/argon2/lib" -name '*.node' 2>/dev/null)" ]] ||
  { echo "install-vscode: argon2's native binding was not built" >&2; false; }

step "checking that code-server starts"
# An empty config of its own, so the check does not write ~/.config/code-server/config.yaml.
EMPTY_CONFIG="$DEST/.empty-config.yaml"
: >"$EMPTY_CONFIG"
VERSION_OUT="$(node "$CS/out/node/entry.js" --config "$EMPTY_CONFIG" --version 2>&1)" || { echo "$VERSION_OUT" >&2; false; }
echo "install-vscode: code-server --version: ${VERSION_OUT//$'\n'/ }"
[[ "$VERSION_OUT" == *"$CODE_SERVER_VERSION"* ]] || { echo "install-vscode: unexpected version output" >&2; false; }

date -u +%FT%TZ >"$STAMP"
echo "install-vscode: done in $((SECONDS - STARTED)) s: code-server $CODE_SERVER_VERSION in $DEST, Chromium at /usr/bin/chromium"

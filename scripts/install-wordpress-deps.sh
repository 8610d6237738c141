#!/usr/bin/env bash
# The WordPress test's machine: Debian's WordPress, PHP, MariaDB and Apache
# (and PHP_CodeSniffer for the coding-standard check). Run as root; does
# nothing when everything is there. .ci/run calls it; so does npm test's
# WordPress step when it runs as root.
set -euo pipefail
pkgs=(wordpress wordpress-theme-twentytwentythree wordpress-theme-twentytwentyone mariadb-server apache2 libapache2-mod-php php-mysql php-cli php-xml php-mbstring php-curl php-codesniffer)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing ${missing[*]} from Debian's packages …"
apt-get -o DPkg::Lock::Timeout=900 update -qq
# The machine's own Apache and MariaDB must not start on install (port 80 may
# be taken, and the test starts instances of its own): policy-rc.d says no
# while apt runs, unless the machine already has one.
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi
DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}"

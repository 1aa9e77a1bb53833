#!/usr/bin/env bash
# Makes a self-signed TLS certificate for https://localhost, used by nginx in the "scale"
# profile of docker-compose.yml:
#
#   deploy/nginx/make-self-signed-cert.sh           # keeps an existing certificate
#   deploy/nginx/make-self-signed-cert.sh --force   # replaces it
#
# Writes deploy/nginx/certs/localhost.crt and localhost.key (git-ignored: a private key is
# never committed). RSA 2048 bits, SHA-256, valid 365 days, CN and SAN "localhost" (browsers
# read only the SAN). Browsers warn about it, since nobody vouches for it: fine for a
# local test, never for a real shop, which takes a certificate from a certification
# authority (e.g. Let's Encrypt).
set -euo pipefail

dir="$(cd "$(dirname "$0")" && pwd)/certs"
crt="$dir/localhost.crt"
key="$dir/localhost.key"

if [ -f "$crt" ] && [ -f "$key" ] && [ "${1:-}" != "--force" ]; then
  echo "$crt already exists (use --force to replace it)."
  exit 0
fi

mkdir -p "$dir"
# The options go through a small configuration file rather than -addext, which some
# OpenSSL-compatible tools (LibreSSL on macOS) handle differently.
config="$(mktemp)"
trap 'rm -f "$config"' EXIT
cat > "$config" <<'CONF'
[req]
prompt = no
distinguished_name = subject
x509_extensions = server

[subject]
CN = localhost

[server]
subjectAltName = DNS:localhost, IP:127.0.0.1, IP:::1
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
CONF

# The key is written without a passphrase (-nodes): nginx must read it unattended.
(umask 077 && openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 365 \
  -config "$config" -keyout "$key" -out "$crt")
chmod 644 "$crt"   # the certificate is public; the key stays readable by its owner only

echo "Certificate written to $crt"
openssl x509 -in "$crt" -noout -subject -enddate -fingerprint -sha256

#!/usr/bin/env bash
# Runs Comptoir as a cluster on this machine, without Docker, and kills one instance
# under load (docs/deploiement.md, section 5):
#
#   ./mvnw -q package -DskipTests && deploy/cluster/run-local.sh [seconds-of-load]
#
# - shop A: the packaged jar, with its embedded PostgreSQL 17 (the cluster's database);
# - shop B: the same jar on A's database (SPRING_DATASOURCE_URL), as a second instance;
# - Debian's nginx in front (https://localhost:8443, TLS 1.2/1.3 with the self-signed
#   certificate of deploy/nginx/make-self-signed-cert.sh), least connections, no
#   stickiness, a failed connection tried on the other instance;
# - a signed-in customer's cart read ten times through nginx (sessions shared);
# - the security headers, cookies and TLS versions a browser gets through nginx (exit 1 if
#   one is missing);
# - bench/ShopLoad.java's "mix" through nginx for the given seconds (default 40), guests
#   placing orders meanwhile, and shop B killed (SIGKILL) a third of the way in: the
#   figures show what the customers saw, and the database that no order confirmed to a
#   guest is missing and no guest got two orders (exit 1 otherwise).
#
# Needs a JDK, nginx (sudo apt-get install nginx-light), openssl, keytool, curl and psql
# (postgresql-client). Uses ports 8443, 18081-18082, 18091-18092 and 54330; leaves its
# files in target/cluster.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds="${1:-40}"
jar=$(ls target/comptoir-*.jar 2> /dev/null | grep -v original | head -n 1 || true)
if [ -z "$jar" ]; then
  echo "No target/comptoir-*.jar: run ./mvnw -q package -DskipTests first." >&2
  exit 2
fi
if ! command -v nginx > /dev/null; then
  echo "nginx is needed: sudo apt-get install nginx-light" >&2
  exit 2
fi

work="$(pwd)/target/cluster"
rm -rf "$work"
mkdir -p "$work/nginx"
pids=()
cleanup() {
  nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -s stop 2> /dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  wait 2> /dev/null || true
}
trap cleanup EXIT

wait_healthy() { # port name
  for _ in $(seq 1 120); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$1/health")" = "200" ]; then
      echo "$2 is up on port $1"
      return 0
    fi
    sleep 1
  done
  echo "$2 did not start (see $work/$2.log)" >&2
  exit 1
}

common=(--app.demo.mailbox.port=0 --app.security.trust-loopback=true
  --app.security.trusted-proxies=127.0.0.1 --server.forward-headers-strategy=native)

echo "== Shop A with the cluster's database (PostgreSQL 17 on port 54330)"
java -jar "$jar" --server.port=18081 --management.server.port=18091 --app.embedded-db.port=54330 \
  --app.embedded-db.data-dir="$work/postgres" --app.embedded-db.clean=true "${common[@]}" \
  > "$work/shop-a.log" 2>&1 &
pids+=($!)
wait_healthy 18081 shop-a

echo "== Shop B on the same database"
SPRING_DATASOURCE_URL=jdbc:postgresql://localhost:54330/comptoir SPRING_DATASOURCE_USERNAME=comptoir_app \
  SPRING_DATASOURCE_PASSWORD= SPRING_FLYWAY_USER=comptoir_owner SPRING_FLYWAY_PASSWORD= \
  java -jar "$jar" --server.port=18082 --management.server.port=18092 "${common[@]}" \
  > "$work/shop-b.log" 2>&1 &
shop_b=$!
pids+=("$shop_b")
wait_healthy 18082 shop-b

echo "== nginx with TLS on https://localhost:8443"
deploy/nginx/make-self-signed-cert.sh > /dev/null 2>&1
certs="$(pwd)/deploy/nginx/certs"
cat > "$work/nginx/nginx.conf" << CONF
# Written by deploy/cluster/run-local.sh: deploy/nginx/comptoir.conf for Debian's nginx
# 1.22 on this machine (no Docker DNS, no "resolve", instances on localhost).
daemon on;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
worker_processes auto;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    # TLS for every server on the port, the default one included (as in comptoir.conf).
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305;
    ssl_prefer_server_ciphers off;
    ssl_session_cache shared:TLS:10m;
    ssl_session_timeout 1d;
    ssl_session_tickets off;
    ssl_early_data off;
    upstream comptoir {
        least_conn;
        server 127.0.0.1:18081 max_fails=3 fail_timeout=10s;
        server 127.0.0.1:18082 max_fails=3 fail_timeout=10s;
        keepalive 16;
    }
    # Another name in the Host header: closed without an answer (as in comptoir.conf).
    server {
        listen 8443 ssl http2 default_server;
        server_name _;
        server_tokens off;
        ssl_certificate     $certs/localhost.crt;
        ssl_certificate_key $certs/localhost.key;
        return 444;
    }
    server {
        listen 8443 ssl http2;
        server_name localhost;
        server_tokens off;
        ssl_certificate     $certs/localhost.crt;
        ssl_certificate_key $certs/localhost.key;
        client_max_body_size 21m;
        location / {
            proxy_pass http://comptoir;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host              \$host;
            proxy_set_header X-Forwarded-For   \$remote_addr;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_set_header X-Forwarded-Host  \$host;
            proxy_set_header X-Forwarded-Port  \$server_port;
            proxy_next_upstream error timeout;
            proxy_connect_timeout 5s;
            proxy_read_timeout 60s;
        }
    }
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf"
curl -s --cacert "$certs/localhost.crt" -o /dev/null -w "https://localhost:8443/health: %{http_code}, %{ssl_verify_result} (0: certificate verified)\n" \
  https://localhost:8443/health
forged=$(curl -s --cacert "$certs/localhost.crt" -H "Host: pirate.example" -o /dev/null -w "%{http_code}" \
  https://localhost:8443/health || true)
echo "the same with the Host header of another site: ${forged} (000: closed without an answer)"

echo "== A signed-in customer's cart, read ten times through nginx"
jar_cookies="$work/cookies.txt"
https() { curl -s --cacert "$certs/localhost.crt" -b "$jar_cookies" -c "$jar_cookies" "$@"; }
csrf() { https "https://localhost:8443$1" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
https -o /dev/null --data-urlencode "email=client@comptoir.test" --data-urlencode "password=Tartine-beurre-miel-2026" \
  --data-urlencode "_csrf=$(csrf /login)" https://localhost:8443/login
slug=$(https https://localhost:8443/products | grep -o 'href="/products/[a-z0-9-]*"' | head -n 1 | sed 's#.*/##; s/"$//')
page=$(https "https://localhost:8443/products/$slug")
variant=$(echo "$page" | grep -o 'name="variantId"[^>]*value="[0-9]*"\|value="[0-9]*"[^>]*name="variantId"' | head -n 1 |
  grep -o 'value="[0-9]*"' | grep -o '[0-9]*')
https -o /dev/null --data-urlencode "variantId=$variant" --data-urlencode "quantity=1" \
  --data-urlencode "_csrf=$(echo "$page" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')" \
  https://localhost:8443/cart/lines
seen=0
for _ in $(seq 1 10); do
  cart=$(https https://localhost:8443/cart)
  if [[ "$cart" == *"/products/$slug"* ]]; then seen=$((seen + 1)); fi
done
echo "the cart showed the line $seen times out of 10 (requests shared between the two instances)"
carts_by() { # management port: GET /cart answered by that instance, from its own metrics
  curl -s "http://localhost:$1/actuator/prometheus" |
    awk '/^http_server_requests_seconds_count\{/ && /method="GET"/ && /uri="\/cart"/ { n += $NF } END { print n + 0 }'
}
echo "GET /cart answered by shop A: $(carts_by 18091), by shop B: $(carts_by 18092)"

echo "== What a browser receives through nginx and TLS (docs/securite.md, C06, C11, C12, C19)"
failed=0
expect() { # what, extended regular expression (any case), text that must match it
  if printf '%s\n' "$3" | grep -qiE -- "$2"; then echo "  yes  $1"; else echo "  NO   $1"; failed=1; fi
}
probe="$work/probe-cookies.txt"
login_page=$(curl -s --cacert "$certs/localhost.crt" -b "$probe" -c "$probe" -D - https://localhost:8443/login)
token=$(printf '%s' "$login_page" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//' || true)
signed_in=$(curl -s --cacert "$certs/localhost.crt" -b "$probe" -c "$probe" -D - -o /dev/null \
  --data-urlencode "email=client@comptoir.test" --data-urlencode "password=Tartine-beurre-miel-2026" \
  --data-urlencode "_csrf=$token" https://localhost:8443/login)
csrf_cookie=$(printf '%s\n' "$login_page" | grep -i '^set-cookie: COMPTOIR_CSRF=' || true)
session_cookie=$(printf '%s\n' "$signed_in" | grep -i '^set-cookie: COMPTOIR_SESSION=' || true)
expect "HSTS for a year, subdomains included" '^strict-transport-security: max-age=31536000 ?; ?includesubdomains' "$login_page"
expect "CSP: scripts from the shop or with this response's nonce only" "^content-security-policy: default-src 'self'; script-src 'self' 'nonce-[A-Za-z0-9_-]+';" "$login_page"
expect "CSP: no plugins, no <base>, no framing" "object-src 'none'; base-uri 'none'; frame-ancestors 'none'" "$login_page"
expect "X-Content-Type-Options: nosniff" '^x-content-type-options: nosniff' "$login_page"
expect "X-Frame-Options: DENY" '^x-frame-options: deny' "$login_page"
expect "Referrer-Policy: strict-origin-when-cross-origin" '^referrer-policy: strict-origin-when-cross-origin' "$login_page"
expect "pages not stored (Cache-Control: no-store)" '^cache-control: .*no-store' "$login_page"
expect "CSRF cookie: Secure" '; *secure' "$csrf_cookie"
expect "CSRF cookie: HttpOnly" '; *httponly' "$csrf_cookie"
expect "CSRF cookie: SameSite=Lax" '; *samesite=lax' "$csrf_cookie"
expect "session cookie after signing in: Secure" '; *secure' "$session_cookie"
expect "session cookie after signing in: HttpOnly" '; *httponly' "$session_cookie"
expect "session cookie after signing in: SameSite=Lax" '; *samesite=lax' "$session_cookie"
if printf '%s\n' "$login_page" | grep -qiE '^server: nginx/'; then
  echo "  NO   nginx's version hidden (server_tokens off)"; failed=1
else
  echo "  yes  nginx's version hidden (server_tokens off)"
fi
tls=$(openssl s_client -connect localhost:8443 -servername localhost -brief < /dev/null 2>&1 || true)
expect "TLS 1.3 chosen by a current client" 'protocol version: *tlsv1\.3' "$tls"
if openssl s_client -connect localhost:8443 -servername localhost -tls1_1 -cipher 'DEFAULT:@SECLEVEL=0' \
  < /dev/null > /dev/null 2>&1; then
  echo "  NO   TLS 1.1 refused"; failed=1
else
  echo "  yes  TLS 1.1 refused"
fi
tls12=$(openssl s_client -connect localhost:8443 -servername localhost -tls1_2 -brief < /dev/null 2>&1 || true)
expect "TLS 1.2 accepted, with an ECDHE AEAD suite" 'ciphersuite: *ecdhe-.*(gcm|chacha20)' "$tls12"

# Guests place orders while the load runs, four at a time: each fills a cart, opens the
# checkout and sends the form; a form that gets no answer (the instance died with it,
# nginx answers 502 and never sends a POST again by itself) is sent again, with the same
# idempotency key, as a customer pressing the button again would. Prints one line per
# order: key, what the shop answered last, the order's reference if any, attempts.
# The eight products with the most stock (every variant), so that the orders of the run
# empty none of them: the mix's signed-in customer keeps a cart it can check out.
products=$(PGPASSWORD= psql -h localhost -p 54330 -U comptoir_owner -d comptoir -At -c \
  "SELECT p.slug FROM product p JOIN product_variant v ON v.product_id = p.id AND v.active
   WHERE p.active GROUP BY p.slug ORDER BY min(v.stock) DESC, p.slug LIMIT 8")
place_order() { # n
  local cookies="$work/guest-$1.txt" slug page form key attempt answer
  slug=$(echo "$products" | sed -n "$(($1 % $(echo "$products" | wc -l) + 1))p")
  guest() { curl -s --cacert "$certs/localhost.crt" -b "$cookies" -c "$cookies" "$@"; }
  value() { grep -o "name=\"$1\"[^>]*value=\"[^\"]*\"" | head -n 1 | sed 's/.*value="//; s/"$//'; }
  page=$(guest "https://localhost:8443/products/$slug")
  guest -o /dev/null --data-urlencode "variantId=$(echo "$page" | value variantId)" --data-urlencode "quantity=1" \
    --data-urlencode "_csrf=$(echo "$page" | value _csrf)" https://localhost:8443/cart/lines
  form=$(guest https://localhost:8443/checkout)
  key=$(echo "$form" | value idempotencyKey)
  if [ -z "$key" ]; then echo "- no-checkout-page - 0"; return; fi
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    answer=$(guest -o /dev/null -w '%{http_code} %{redirect_url}' --data-urlencode "_csrf=$(echo "$form" | value _csrf)" \
      --data-urlencode "idempotencyKey=$key" --data-urlencode "expectedTotalCents=$(echo "$form" | value expectedTotalCents)" \
      --data-urlencode "email=invite-$1@comptoir.test" --data-urlencode "addressId=" --data-urlencode "firstName=Camille" \
      --data-urlencode "lastName=Martin" --data-urlencode "line1=8 rue des Lilas" --data-urlencode "postalCode=75011" \
      --data-urlencode "city=Paris" --data-urlencode "country=FR" \
      --data-urlencode "shippingMethod=$(echo "$form" | grep -o '<input[^>]*name="shippingMethod"[^>]*checked[^>]*>' | value shippingMethod)" \
      --data-urlencode "acceptTerms=true" --data-urlencode "cardHolder=Camille Martin" \
      --data-urlencode "cardNumber=4242 4242 4242 4242" --data-urlencode "cardExpiry=12/39" --data-urlencode "cardCode=123" \
      --data-urlencode "intent=order" https://localhost:8443/checkout || echo "000 -")
    case "$answer" in
      302\ *checkout/orders/*) echo "$key placed ${answer##*/} $attempt $(date -u +%H:%M:%S)"; return ;;
      000\ * | 502\ * | 503\ * | 504\ *) sleep 0.5 ;;
      *) echo "$key refused-${answer%% *} - $attempt"; return ;;
    esac
  done
  echo "$key unanswered - 10"
}

echo "== Load: ShopLoad mix for ${seconds} s through nginx, guests ordering meanwhile; shop B killed after $((seconds / 3)) s"
keytool -importcert -noprompt -alias localhost -file "$certs/localhost.crt" -keystore "$work/trust.p12" \
  -storetype PKCS12 -storepass changeit > /dev/null 2>&1
java -Djavax.net.ssl.trustStore="$work/trust.p12" -Djavax.net.ssl.trustStorePassword=changeit \
  bench/ShopLoad.java --base https://localhost:8443 --runs 16 --warmup 3 --seconds "$seconds" \
  --reference-seconds 5 --scenario mix > "$work/load.log" 2>&1 &
load=$!
# The mix's users are set up (carts filled, the demo customer signed in) before anything
# else starts: a sign-in sent to B as it dies would stop the tool.
for _ in $(seq 1 600); do
  if grep -q "mix: users set up" "$work/load.log" 2> /dev/null || ! kill -0 "$load" 2> /dev/null; then break; fi
  sleep 0.1
done
orders="$work/orders.txt"
: > "$orders"
ordering=()
for first in 0 1 2 3; do # four guests at a time
  (
    n=$first
    while kill -0 "$load" 2> /dev/null; do
      place_order "$n" >> "$orders"
      n=$((n + 4))
    done
  ) &
  ordering+=($!)
done
sleep $((3 + seconds / 3))
kill -9 "$shop_b"
killed_at=$(date -u +%H:%M:%S)
echo "shop B killed at $killed_at"
wait "$load" || true
wait "${ordering[@]}" || true
grep -E '^\| 16 \| mix' "$work/load.log" || tail -n 20 "$work/load.log"
echo "nginx's log of the failover:"
grep -c "connect() failed" "$work/nginx/error.log" | sed 's/^/  connections refused by the killed instance and retried on the other: /'
echo "== Orders placed by guests during the load, checked in the database"
awk '{ n[$2]++; if ($4 > 1) again++ } END { for (k in n) printf "  %s: %d\n", k, n[k]; printf "  forms sent more than once: %d\n", again }' "$orders"
keys=$(awk '$1 != "-" { printf "%s'"'"'%s'"'"'", (n++ ? "," : ""), $1 }' "$orders")
in_database="$work/orders-in-database.txt"
PGPASSWORD= psql -h localhost -p 54330 -U comptoir_owner -d comptoir -At -F ' ' \
  -c "SELECT idempotency_key, count(*), min(reference) FROM customer_order WHERE idempotency_key IN (${keys:-NULL}) GROUP BY 1" \
  > "$in_database"
lost=$(awk 'NR == FNR { saved[$1] = $2; next } $2 == "placed" && saved[$1] != 1 { n++ } END { print n + 0 }' "$in_database" "$orders")
# A guest sends one checkout form: two orders with a guest's address would be one doubled
# (each key is unique in the table: a second order would have come with another key).
doubled=$(PGPASSWORD= psql -h localhost -p 54330 -U comptoir_owner -d comptoir -At -c \
  "SELECT count(*) FROM (SELECT email FROM customer_order WHERE email LIKE 'invite-%@comptoir.test' GROUP BY email HAVING count(*) > 1) AS twice")
refused_but_saved=$(awk 'NR == FNR { saved[$1] = $2; next } $2 ~ /^refused/ && saved[$1] > 0 { n++ } END { print n + 0 }' "$in_database" "$orders")
echo "  placed after shop B was killed (by shop A alone): $(awk -v t="$killed_at" '$2 == "placed" && $5 > t { n++ } END { print n + 0 }' "$orders")"
echo "  orders of these guests in the database: $(awk '{ n += $2 } END { print n + 0 }' "$in_database")"
echo "  orders confirmed to a guest but missing from the database: $lost"
echo "  guests with more than one order (each sent one form): $doubled"
echo "  forms refused whose order was saved all the same: $refused_but_saved"
if [ "$lost" -ne 0 ] || [ "$doubled" -ne 0 ] || [ "$refused_but_saved" -ne 0 ]; then
  failed=1
fi
echo "Figures and logs in $work"
if [ "$failed" -ne 0 ]; then
  echo "A check failed: what the browser receives (NO above), or an order lost or doubled" >&2
  exit 1
fi

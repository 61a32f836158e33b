# Varnish 7 in front of the portal's app servers (Debian: apt-get install varnish).
#
#   varnishd -a :6081 -f /etc/varnish/portal.vcl -s malloc,512m
#
# Reader pages are cached for as long as the portal says (Cache-Control s-maxage, a day) and
# dropped when an editor publishes: the task worker sends PURGE for each changed address, and a
# PURGE drops that address with every query string (?page=2, ?page=3 ... of a listing).
# Forms, the admin, captchas and anything with a session go to the app servers every time.
# While no app server can answer (database down, restart), readers get the last copy (grace).
#
# `make stack` (deploy/stack.py) runs this file with the app servers between the two
# "app servers" markers replaced by its own.
vcl 4.1;

import directors;
import std;

# Probe: /healthz answers 503 while the database is unreachable, so the server counts as sick
# and readers are served from grace instead of waiting for errors. Host must be one of the
# portal's ALLOWED_HOSTS.
probe portal_health {
    .request =
        "GET /healthz HTTP/1.1"
        "Host: localhost"
        "X-Forwarded-Proto: https"
        "Connection: close";
    .interval = 1s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
}

# BEGIN app servers
backend app1 { .host = "127.0.0.1"; .port = "8001"; .probe = portal_health; }
backend app2 { .host = "127.0.0.1"; .port = "8002"; .probe = portal_health; }

sub vcl_init {
    new portal = directors.round_robin();
    portal.add_backend(app1);
    portal.add_backend(app2);
}
# END app servers

# Who may PURGE: the hosts that run the task worker. Everyone else gets 403.
# A TLS front on the same machine (nginx) must refuse PURGE itself (deploy/nginx/portal.conf),
# or every reader would arrive from this address.
acl purgers {
    "127.0.0.1";
    "::1";
}

# Fronts whose X-Real-IP header is trusted (nginx terminating TLS on this machine).
acl fronts {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.backend_hint = portal.backend();

    # The comment rate limit counts per reader: pass on the reader's address
    # (the portal reads it with CLIENT_ADDRESS_HEADER=HTTP_X_REAL_IP).
    if (!req.http.X-Real-IP || client.ip !~ fronts) {
        set req.http.X-Real-IP = client.ip;
    }

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "PURGE not allowed from this address"));
        }
        # Bans test stored objects' own headers (set in vcl_backend_response), so the ban
        # lurker can clean them in the background. The path alone: every query string goes too.
        ban("obj.http.x-portal-path == " + regsub(req.url, "\?.*$", ""));
        return (synth(200, "Purged"));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }

    # Forms, the admin, captchas, the view counter, the health probe: never from the cache.
    if (req.url ~ "^/(admin|captcha|healthz)(/|$)" ||
        req.url ~ "^/news/([0-9]+/comments|comments/status|[0-9]+/view)/") {
        return (pass);
    }

    # A logged-in editor sees the userbar and drafts: straight to the app servers.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }

    # Everything else is the same for every reader: cookies (the comment form's csrftoken,
    # analytics) would otherwise make stock Varnish pass the request.
    unset req.http.Cookie;
    # One language: do not let the browser's language split the cache.
    unset req.http.Accept-Language;

    # Serve stale copies only briefly while the app servers are well (they refresh them in the
    # background); while all are sick, whatever is left of the object's grace (a day).
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    return (hash);
}

sub vcl_backend_fetch {
    # Carry the URL into the object for path bans (vcl_recv's PURGE).
    set bereq.http.x-portal-path = regsub(bereq.url, "\?.*$", "");
}

sub vcl_backend_response {
    set beresp.http.x-portal-path = bereq.http.x-portal-path;

    # An app server error never replaces a good copy: keep serving the old one (grace) or let
    # the other app server try a reader's GET once (never a POST: a comment must not post twice).
    if (beresp.status >= 500) {
        if (bereq.is_bgfetch) {
            return (abandon);
        }
        if (bereq.retries < 1 && (bereq.method == "GET" || bereq.method == "HEAD")) {
            return (retry);
        }
    }

    # Keep objects a day past their s-maxage: the grace readers are served from while the app
    # servers are down. Builtin rules still refuse private, no-store and Set-Cookie responses.
    set beresp.grace = 1d;
}

sub vcl_backend_error {
    # The app server could not be reached (restarting, a worker killed): the next one tries.
    if (bereq.retries < 1 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }
    # No app server can answer and there is no copy to serve (a form, a comment being sent):
    # tell the reader in Persian, as the portal's own 503 page does.
    set beresp.status = 503;
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Retry-After = "30";
    set beresp.http.Cache-Control = "private, no-store";
    set beresp.ttl = 0s;
    synthetic({"<!DOCTYPE html>
<html lang="fa" dir="rtl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>موقتاً در دسترس نیست | بهزیستی خوزستان</title></head>
<body><main><h1>سامانه چند لحظه در دسترس نیست</h1>
<p>اگر نظری فرستاده بودید، ذخیره نشد؛ نیم دقیقهٔ دیگر دوباره بفرستید.</p>
<p>اگر در شرایط بحرانی هستید، با <a href="tel:123">اورژانس اجتماعی ۱۲۳</a> یا
<a href="tel:1480">صدای مشاور ۱۴۸۰</a> تماس بگیرید.</p>
<p><a href="/">بازگشت به صفحهٔ نخست</a></p></main></body></html>
"});
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.x-portal-path;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}

#!/usr/bin/python3
"""A real SMTP server on a free loopback port, for the delivery tests (aiosmtpd).

Every message it accepts is saved as MAILDIR/NNNN.eml with MAILDIR/NNNN.json beside it
(envelope sender, recipients, whether the session used TLS and AUTH). Recipients whose
local part is `refused` get 550, `later` get 451. The port is written to PORT_FILE once
the server answers. It runs until it is terminated.

Usage: test-smtp-server.py PORT_FILE MAILDIR [--tls CERT KEY | --smtps CERT KEY] [--auth USER PASSWORD]

--tls requires STARTTLS; --smtps speaks TLS from the first byte.
"""
import asyncio
import json
import os
import signal
import socket
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Handler:
    def __init__(self, maildir):
        self.maildir = maildir
        self.count = 0
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0]
        if local == "refused":
            return "550 5.1.1 no such mailbox here"
        if local == "later":
            return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            stem = os.path.join(self.maildir, "%04d" % self.count)
        with open(stem + ".eml", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        with open(stem + ".json", "w") as f:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos,
                       "tls": session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None,
                       "authenticated": bool(session.authenticated)}, f)
        return "250 Message accepted"


def main():
    port_file, maildir = sys.argv[1], sys.argv[2]
    args = sys.argv[3:]
    os.makedirs(maildir, exist_ok=True)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    options = {}
    if "--tls" in args:
        i = args.index("--tls")
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args[i + 1], args[i + 2])
        options.update(tls_context=context, require_starttls=True)
    if "--smtps" in args:
        i = args.index("--smtps")
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args[i + 1], args[i + 2])
        options.update(ssl_context=context)
    if "--auth" in args:
        i = args.index("--auth")
        user, password = args[i + 1].encode(), args[i + 2].encode()

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login == user and auth_data.password == password
            # handled=False: the server itself answers 235 or 535 (by default a refusal
            # counts as answered by the authenticator, and the client waits forever).
            return AuthResult(success=ok, handled=False)

        options.update(authenticator=authenticator, auth_required=True, auth_require_tls="--tls" in args or "--smtps" in args)
    controller = Controller(Handler(maildir), hostname="127.0.0.1", port=port, decode_data=False, **options)
    controller.start()
    with open(port_file + ".tmp", "w") as f:
        f.write(str(port))
    os.rename(port_file + ".tmp", port_file)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    while not stop.wait(0.2):
        pass
    # The process ends either way: a server left behind would outlive the test.
    threading.Timer(3, lambda: os._exit(0)).start()
    controller.stop()
    os._exit(0)


main()

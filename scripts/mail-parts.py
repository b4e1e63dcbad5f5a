#!/usr/bin/python3
"""Reads one e-mail message (RFC 5322 / MIME) and prints what the tests check, as JSON:
headers, the part tree, the text and HTML bodies, the cid images and the attachments
(with a SHA-256 of each). With --html-out FILE it also writes the HTML part with every
cid: reference pointing at the image saved beside FILE, for a browser screenshot.

Usage: mail-parts.py MESSAGE.eml [--html-out FILE]
"""
import email
import email.policy
import hashlib
import json
import os
import re
import sys


def main():
    path = sys.argv[1]
    html_out = sys.argv[sys.argv.index("--html-out") + 1] if "--html-out" in sys.argv else None
    message = email.message_from_bytes(open(path, "rb").read(), policy=email.policy.default)
    result = {"headers": {k: str(message.get(k)) for k in
                          ["From", "To", "Cc", "Bcc", "Reply-To", "Date", "Message-ID", "Subject", "MIME-Version"] if message.get(k) is not None},
              "tree": [], "images": {}, "attachments": [], "text": "", "html": ""}

    def walk(part, depth):
        result["tree"].append("  " * depth + part.get_content_type())
        if part.is_multipart():
            for sub in part.iter_parts():
                walk(sub, depth + 1)
            return
        payload = part.get_payload(decode=True) or b""
        kind = part.get_content_type()
        if kind == "text/plain" and not part.get_filename():
            result["text"] = part.get_content()
        elif kind == "text/html":
            result["html"] = part.get_content()
        elif part.get("Content-ID"):
            cid = part["Content-ID"].strip("<>")
            result["images"][cid] = {"type": kind, "size": len(payload)}
            if html_out:
                open(os.path.join(os.path.dirname(html_out), cid.replace("@", "_") + ".png"), "wb").write(payload)
        else:
            result["attachments"].append({"type": kind, "filename": part.get_filename(), "size": len(payload),
                                          "sha256": hashlib.sha256(payload).hexdigest(),
                                          "disposition": part.get_content_disposition()})

    walk(message, 0)
    if html_out:
        html = re.sub(r'cid:([^"\']+)', lambda m: m.group(1).replace("@", "_") + ".png", result["html"])
        open(html_out, "w", encoding="utf-8").write(html)
    json.dump(result, sys.stdout, ensure_ascii=False)


main()

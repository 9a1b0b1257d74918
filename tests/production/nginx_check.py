"""Run ``nginx -t`` on the shipped site config (deploy/nginx.conf), as nginx loads it.

The config is a site file (it goes in /etc/nginx/sites-available/), so it is tested
inside a minimal ``http {}`` block, with a throwaway certificate in place of the
Let's Encrypt paths. Standard library only: CI runs it before the virtualenv exists
(``python3 tests/production/nginx_check.py deploy/nginx.conf``), and
tests/production/test_nginx_config.py runs it too.
"""

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

MAIN = """
pid {prefix}/nginx.pid;
error_log stderr;
events {{}}
http {{
    access_log off;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {prefix}/site.conf;
}}
"""


def check(config_path):
    """(passed, nginx's output) for ``nginx -t`` on ``config_path``."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    with tempfile.TemporaryDirectory() as prefix:
        certificate, key = Path(prefix, "cert.pem"), Path(prefix, "key.pem")
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
             "-subj", "/CN=cooperation.example.org",
             "-keyout", str(key), "-out", str(certificate)],
            check=True, capture_output=True,
        )  # fmt: skip
        site = Path(config_path).read_text()
        site = re.sub(r"ssl_certificate\s+\S+;", f"ssl_certificate {certificate};", site)
        site = re.sub(r"ssl_certificate_key\s+\S+;", f"ssl_certificate_key {key};", site)
        Path(prefix, "site.conf").write_text(site)
        main = Path(prefix, "nginx.conf")
        main.write_text(MAIN.format(prefix=prefix))
        result = subprocess.run(
            [nginx, "-t", "-p", prefix, "-c", str(main)], capture_output=True, text=True
        )
        return result.returncode == 0, result.stdout + result.stderr


if __name__ == "__main__":
    passed, output = check(sys.argv[1] if len(sys.argv) > 1 else "deploy/nginx.conf")
    sys.stdout.write(output.strip() + "\n")
    sys.exit(0 if passed else 1)

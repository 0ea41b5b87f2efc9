"""Signing in as a named user, in Chromium."""

import pytest

from tests.browser.conftest import EDITOR_NAME, EDITOR_PASSWORD, axe_violations, open_app, sign_in

pytestmark = pytest.mark.browser


def test_editor_signs_in_and_out(page, editor_server):
    open_app(page, editor_server.url, "overview")
    sign_in(page, EDITOR_NAME, EDITOR_PASSWORD)
    assert f"Signed in as {EDITOR_NAME} (administrator)" in page.inner_text("body")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_selector("text=Sign in (editors)")


def test_wrong_password_is_refused(page, editor_server):
    open_app(page, editor_server.url, "overview")
    page.get_by_text("Sign in (editors)").click()
    page.get_by_label("User name").fill(EDITOR_NAME)
    page.get_by_label("Password", exact=True).fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_selector("text=That user name and password do not match.")
    assert "Signed in as" not in page.inner_text("body")


class _Provider:
    """A loopback OpenID Connect provider's two public pages: its discovery document and its
    sign-in page (a real HTTP server; the dashboard's server fetches the document itself)."""

    def __init__(self):
        import http.server
        import json
        import threading

        provider = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                if self.path.startswith("/.well-known/openid-configuration"):
                    body, kind = json.dumps(provider.metadata).encode(), "application/json"
                elif self.path.startswith("/authorize"):
                    provider.asked.append(self.path)
                    body, kind = b"<html><body><h1>Council sign-in</h1></body></html>", "text/html"
                else:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.metadata = {
            "issuer": self.url, "authorization_endpoint": f"{self.url}/authorize",
            "token_endpoint": f"{self.url}/token", "jwks_uri": f"{self.url}/jwks",
            "response_types_supported": ["code"], "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
        }
        self.asked: list[str] = []
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self):
        self.httpd.shutdown()


def test_sign_in_through_an_identity_provider_goes_to_the_provider(page, fixture_db, tmp_path):
    """The README's st.login set-up ([auth] and [dashboard.accounts]): "Sign in" takes the browser
    to the provider's sign-in page with the dashboard's client id, not to an error."""
    import shutil
    from urllib.parse import parse_qs, urlparse

    from tests.browser.conftest import Server

    provider = _Provider()
    db = tmp_path / "idp.duckdb"
    shutil.copy(fixture_db, db)
    secrets = (
        '[auth]\nredirect_uri = "http://127.0.0.1:8501/oauth2callback"\n'
        'cookie_secret = "a test cookie secret of enough length 0123456789"\n'
        'client_id = "good-lives-dashboard"\nclient_secret = "test secret"\n'
        f'server_metadata_url = "{provider.url}/.well-known/openid-configuration"\n'
        '[dashboard.accounts."officer@leeds.gov.uk"]\nrole = "editor"\nareas = ["E08000035"]\n'
    )
    server = Server(db, secrets=secrets)
    try:
        open_app(page, server.url, "overview")
        assert "Sign in (editors)" not in page.inner_text("body")  # no password form with a provider
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(f"{provider.url}/authorize*", timeout=60_000)
        assert page.get_by_text("Council sign-in").count() == 1
        asked = parse_qs(urlparse(provider.asked[-1]).query)
        assert asked["client_id"] == ["good-lives-dashboard"]
        assert asked["redirect_uri"] == ["http://127.0.0.1:8501/oauth2callback"]
        assert "openid" in asked["scope"][0]
        page.goto(f"{server.url}/overview")  # back on the dashboard, for the page fixture's error check
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60_000)
    finally:
        server.stop()
        provider.stop()

"""Steps the browser tests share."""


def log_in(page, live_server, *, username: str, password: str, next_url: str = "/") -> None:
    """Sign in through the real login form and wait for the page it leads to."""
    page.goto(f"{live_server.url}/login/?next={next_url}")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("form.login button[type=submit]")
    page.wait_for_url(live_server.url + next_url)

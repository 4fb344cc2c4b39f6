"""The newsroom window in a real headless browser (Debian's chromium driven through
chromedriver by Selenium), over a store the four services filled: search → article →
entity → story, highlights checked against the stored offsets, screenshots at a phone and a
desktop width kept in test-artifacts/ui/ (``make ui-screens`` also copies the README's to
docs/img/).

No browser is downloaded: the test needs /usr/bin/chromium and /usr/bin/chromedriver
(``make test`` installs them with apt-get where it runs as root) and fails, saying how to
install them, where they are missing.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from akhbar.cli.pipeline import example_pages
from akhbar.shared import streams
from tests.e2e.processes import Pipeline

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts" / "ui"
CHROMIUM = Path(os.environ.get("AKHBAR_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("AKHBAR_CHROMEDRIVER", "/usr/bin/chromedriver"))
# The screenshots the README shows (make ui-screens sets this to docs/img).
README_SHOTS = os.environ.get("AKHBAR_UI_SCREENS_DIR")
README_NAMES = {"results-desktop", "article-desktop", "article-phone", "dashboard-desktop"}
WIDTHS = {"phone": (390, 780), "desktop": (1280, 720)}
SEED = "maghress-alaoual-2025-11-24.txt"
FRENCH = REPO / "tests" / "data" / "parse" / "french_publie_le.html"


def _browser():
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        pytest.fail(
            f"the browser test needs {' and '.join(missing)}: install Debian's browser and its "
            "driver with `sudo apt-get install -y chromium chromium-driver` (make test does it "
            "when run as root), or point AKHBAR_CHROMIUM / AKHBAR_CHROMEDRIVER at them",
            pytrace=False,
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--force-device-scale-factor=1", "--lang=ar"):
        options.add_argument(arg)
    return webdriver, options, Service(str(CHROMEDRIVER))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def site(redis_url, tmp_path) -> Iterator[str]:
    """The seed page, a copy of it another outlet ran, and a French page pushed through the
    four services; then ``akhbar api`` over the store they filled. Its base URL."""
    pipeline = Pipeline(redis_url, tmp_path)
    (seed,) = [p for p in example_pages() if p.name == SEED]
    copy = tmp_path / "copy.txt"
    copy.write_text(seed.read_text(encoding="utf-8").replace("نشر في الأول", "نشر في هسبريس"), encoding="utf-8")
    api = None
    try:
        pipeline.start()
        pushed = pipeline.akhbar("push", str(seed), str(copy), str(FRENCH))
        assert pushed.returncode == 0, pushed.stderr
        assert pipeline.wait_for(streams.STORED, 3) == 3, pipeline.log_tail("store")
        port = _free_port()
        log = open(tmp_path / "api.log", "ab")  # noqa: SIM115 - closed with the process
        api = subprocess.Popen(
            [sys.executable, "-m", "akhbar.cli", "api", "--port", str(port)],
            env=pipeline.env, stdout=log, stderr=log,
        )
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=2):
                    break
            except OSError:
                assert api.poll() is None, (tmp_path / "api.log").read_text(errors="replace")
                assert time.monotonic() < deadline, "akhbar api did not answer in 60 s"
                time.sleep(0.3)
        yield base
    finally:
        if api is not None:
            api.terminate()
            api.wait(10)
        pipeline.stop()


@pytest.fixture
def browser() -> Iterator:
    webdriver, options, service = _browser()
    profile = ARTIFACTS.parent / ".chromium-profile"
    shutil.rmtree(profile, ignore_errors=True)
    options.add_argument(f"--user-data-dir={profile}")
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def shoot(driver, name: str) -> None:
    """The page at a phone and a desktop width, into test-artifacts (and docs/img for the
    README's, under make ui-screens)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for width_name, (w, h) in WIDTHS.items():
        driver.set_window_size(w, h)
        # The window's inner width is what CSS sees; make it exactly w.
        inner = driver.execute_script("return window.innerWidth")
        if inner != w:
            driver.set_window_size(w + (w - inner), h)
        path = ARTIFACTS / f"ui-{name}-{width_name}.png"
        driver.save_screenshot(str(path))
        if README_SHOTS and f"{name}-{width_name}" in README_NAMES:
            Path(README_SHOTS).mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, Path(README_SHOTS) / path.name)
    driver.set_window_size(*WIDTHS["desktop"])


def stored(base: str, article_id: str) -> dict:
    with urllib.request.urlopen(f"{base}/articles/{article_id}") as response:
        return json.load(response)


HIGHLIGHTS = """
return Array.from(document.querySelectorAll('.article .body p')).map((p, i) =>
  Array.from(p.querySelectorAll('.hl')).map(el => {
    // Character offset of the highlight in its paragraph's text, as the store counts them.
    const range = document.createRange();
    range.setStart(p, 0);
    range.setEnd(el, 0);
    const start = range.toString().length;
    return {field: 'body.' + i, start: start, end: start + el.textContent.length,
            text: el.textContent, kind: el.className.split(' ')[1].slice(3),
            tip: el.getAttribute('data-tip'),
            visible: el.getBoundingClientRect().width > 0};
  })).flat();
"""


CONTRAST = """
// WCAG contrast of each element's text against the first opaque background behind it.
function rgb(c) { const m = c.match(/[\\d.]+/g).map(Number); return m.length > 3 && m[3] === 0 ? null : m.slice(0, 3); }
function lum([r, g, b]) {
  const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}
return Array.from(document.querySelectorAll(arguments[0])).map(el => {
  let bg = null, node = el;
  while (node && !(bg = rgb(getComputedStyle(node).backgroundColor))) node = node.parentElement;
  const a = lum(rgb(getComputedStyle(el).color)), b = lum(bg || [255, 255, 255]);
  return [el.tagName + '.' + el.className, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
});
"""


def low_contrast(browser, selector: str) -> list:
    """The elements whose text has less than WCAG AA's 4.5:1 contrast."""
    measured = browser.execute_script(CONTRAST, selector)
    assert len(measured) > 5 and all(1 <= ratio <= 21 for _, ratio in measured), measured
    return [(name, round(ratio, 2)) for name, ratio in measured if ratio < 4.5]


def test_search_article_entity_story_in_a_real_browser(site, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.set_window_size(*WIDTHS["desktop"])
    browser.get(site + "/")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl"
    # Keyboard first: the skip link is the first Tab stop and takes focus to the content.
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    active = browser.switch_to.active_element
    assert active.get_attribute("class") == "skip" and active.is_displayed()
    assert low_contrast(browser, "label, input, select, button, a, h1, .meta, small") == []
    shoot(browser, "search")

    # Search by a Latin spelling of a name the articles write in Arabic.
    field = browser.find_element(By.ID, "entity")
    field.send_keys("Hammouchi")
    field.send_keys(Keys.ENTER)
    results = browser.find_elements(By.CSS_SELECTOR, ".result h3 a")
    assert len(results) == 2, browser.page_source[:2000]
    marks = browser.find_elements(By.CSS_SELECTOR, ".snippet mark")
    assert marks and all("حموشي" in m.text for m in marks)
    story_link = browser.find_element(By.CSS_SELECTOR, ".result .story")
    assert "2" in story_link.text  # the seed page and its copy are one story
    shoot(browser, "results")

    results[-1].click()  # the older one: the first of the story
    article_id = browser.current_url.rsplit("/", 1)[1]
    article = stored(site, article_id)
    shown = browser.execute_script(HIGHLIGHTS)
    # Every highlight sits exactly on the words the stored offsets name.
    expected = {(e["field"], e["start"], e["end"]): e for e in article["entities"] + article["dates"]
                if e["field"].startswith("body.")}
    assert len(shown) > 20
    for h in shown:
        span = expected[(h["field"], h["start"], h["end"])]
        assert h["text"] == span["text"] and h["visible"]
        want = span.get("canonical") or span.get("value")
        assert h["tip"].startswith(want + " · "), (h, span)
    assert {h["kind"] for h in shown} >= {"PER", "LOC", "ORG", "date"}
    # The tooltip is reachable from the keyboard too: a focused date shows its value.
    date = browser.find_element(By.CSS_SELECTOR, ".body mark.hl-date")
    browser.execute_script("arguments[0].focus()", date)
    tip = browser.execute_script(
        "return getComputedStyle(arguments[0], '::after').getPropertyValue('content')", date)
    assert date.get_attribute("data-tip").split(" · ")[0] in tip
    assert low_contrast(browser, ".hl, .meta, .body p, .side a, summary") == []
    shoot(browser, "article")

    person = browser.find_element(By.XPATH, "//div[@class='body']//a[contains(@class,'hl-PER') and contains(., 'حموشي')]")
    name = person.get_attribute("data-tip").split(" · ")[0]
    person.click()
    assert browser.find_element(By.TAG_NAME, "h1").text == name
    latin = browser.find_element(By.CSS_SELECTOR, '#aliases-h ~ ul.latin').text
    assert "Hammouchi" in latin
    assert browser.find_elements(By.CSS_SELECTOR, ".chart svg rect")
    shoot(browser, "entity")

    browser.back()
    browser.find_element(By.CSS_SELECTOR, ".meta .story").click()
    assert "/s/" in browser.current_url
    copies = browser.find_element(By.CSS_SELECTOR, "details.copies")
    hidden = copies.find_element(By.CSS_SELECTOR, "ul a")
    assert not hidden.is_displayed()  # folded under the first
    copies.find_element(By.TAG_NAME, "summary").click()
    assert hidden.is_displayed()
    shoot(browser, "story")
    hidden.click()
    assert browser.find_element(By.CSS_SELECTOR, ".meta .outlet").text == "هسبريس"

    # A French article reads left to right.
    browser.get(site + "/?lang=fr")
    browser.find_element(By.CSS_SELECTOR, ".result h3 a").click()
    paragraph = browser.find_element(By.CSS_SELECTOR, ".article .body p")
    assert paragraph.get_attribute("lang") == "fr"
    assert browser.execute_script("return getComputedStyle(arguments[0]).direction", paragraph) == "ltr"
    shoot(browser, "french")

    browser.get(site + "/dashboard")
    assert browser.find_elements(By.CSS_SELECTOR, "#days-h ~ figure svg rect")
    assert "akhbar:articles:stored" in browser.find_element(By.CSS_SELECTOR, "#pipeline-h ~ .table-wrap table").text
    shoot(browser, "dashboard")

    browser.get(site + "/?since=yesterday")
    assert "since: 'yesterday' is not a date" in browser.find_element(By.CSS_SELECTOR, ".message").text

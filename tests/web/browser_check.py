#!/usr/bin/python3
"""The browser panel's page in a real headless Chromium: it shows the display, a click on "1"
and a key typed on the keyboard reach the terminal (the screen changes), CHARGE's receipt
appears as paper. Saves a screenshot.

    browser_check.py URL OUTPUT_DIR

Needs Debian's chromium, chromium-driver and python3-selenium; exits 77 (skipped) without
them, 0 when the page works, 1 with the reason when it does not.
"""

import os
import shutil
import sys
import tempfile

CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM = "/usr/bin/chromium"
WAIT_SECONDS = 10
SKIPPED = 77

try:
    from selenium import webdriver
    from selenium.common.exceptions import TimeoutException, WebDriverException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    print("browser_check: python3-selenium is not installed; skipped", file=sys.stderr)
    sys.exit(SKIPPED)


class CheckFailed(Exception):
    pass


def browser(profile_dir):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless", "--no-sandbox", "--disable-gpu",
                     "--disable-background-networking", "--no-first-run",
                     "--disable-dev-shm-usage", "--disable-extensions",
                     "--disable-component-update", "--disable-sync",
                     "--no-default-browser-check", "--window-size=1200,1100",
                     "--user-data-dir=" + profile_dir):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)


def wait_for(driver, what, condition):
    try:
        return WebDriverWait(driver, WAIT_SECONDS).until(lambda d: condition(d))
    except TimeoutException:
        raise CheckFailed("waited %ds for %s" % (WAIT_SECONDS, what))


def frame_text(driver):
    return driver.execute_script("return document.getElementById('frame-text').textContent")


def frames_shown(driver):
    """How many pictures the page has shown and decoded, 0 while none."""
    return driver.execute_script(
        "const s = document.getElementById('screen');"
        "return s.complete && s.naturalWidth > 0 ? Number(s.dataset.frames || 0) : 0;")


def check(driver, url, output_dir):
    driver.set_page_load_timeout(WAIT_SECONDS)
    driver.get(url)
    wait_for(driver, "the display's first frame", lambda d: frames_shown(d) >= 1)
    screen = driver.execute_script(
        "return document.getElementById('frame-text').dataset.screen")
    if screen != "keys":
        raise CheckFailed("the page shows screen %r, not the demo's \"keys\"" % screen)
    before = frames_shown(driver)

    driver.find_element(By.CSS_SELECTOR, 'button[data-key="1"]').click()
    wait_for(driver, 'the screen to show the "1" clicked',
             lambda d: "Keys pressed\n1\n" in frame_text(d) + "\n")
    wait_for(driver, "a new picture after the click", lambda d: frames_shown(d) > before)

    driver.find_element(By.TAG_NAME, "body").send_keys("2")
    wait_for(driver, 'the screen to show the "2" typed on the keyboard',
             lambda d: "1 2" in frame_text(d))

    driver.find_element(By.CSS_SELECTOR, 'button[data-key="CHARGE"]').click()
    wait_for(driver, "the receipt printed on CHARGE",
             lambda d: "1 2" in d.execute_script(
                 "const p = document.querySelector('#receipts .paper pre');"
                 "return p ? p.textContent : '';"))

    os.makedirs(output_dir, exist_ok=True)
    shot = os.path.join(output_dir, "browser-panel.png")
    if not driver.save_screenshot(shot):
        raise CheckFailed("Chromium took no screenshot")
    with open(shot, "rb") as f:
        if f.read(8) != b"\x89PNG\r\n\x1a\n":
            raise CheckFailed("the screenshot %s is not a PNG" % shot)
    print("browser_check: the page works; screenshot in %s" % shot)


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    url, output_dir = sys.argv[1], sys.argv[2]
    for program in (CHROMIUM, CHROMEDRIVER):
        if not os.access(program, os.X_OK):
            print("browser_check: %s is missing (Debian chromium, chromium-driver); skipped"
                  % program, file=sys.stderr)
            return SKIPPED
    profile_dir = tempfile.mkdtemp(prefix="linkpos-browser-check-")
    driver = None
    try:
        driver = browser(profile_dir)
        check(driver, url, output_dir)
        return 0
    except CheckFailed as failure:
        print("browser_check: FAILED: %s (page at %s)" % (failure, url), file=sys.stderr)
        if driver is not None:
            print("browser_check: the page said: %r" % frame_text(driver), file=sys.stderr)
            for entry in driver.get_log("browser"):
                print("browser_check: console: %s" % entry.get("message"), file=sys.stderr)
        return 1
    except WebDriverException as error:
        print("browser_check: FAILED: Chromium or chromedriver: %s" % error.msg, file=sys.stderr)
        return 1
    finally:
        if driver is not None:
            driver.quit()
        shutil.rmtree(profile_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

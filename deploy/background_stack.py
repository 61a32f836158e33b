"""Start `deploy/stack.py` in the background and wait for it (for the load and fault runs)."""

import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


class BackgroundStack:
    def __init__(self, environment, echo=False):
        self.environment = environment
        self.echo = echo
        self.output = []
        self.ready = threading.Event()
        self.process = subprocess.Popen(
            [sys.executable, "deploy/stack.py"],
            cwd=PROJECT,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        threading.Thread(target=self.read_output, daemon=True).start()

    def read_output(self):
        for line in self.process.stdout:
            self.output.append(line)
            if self.echo:
                sys.stdout.write(line)
            if line.startswith("stack ready at"):
                self.ready.set()

    def wait_until_ready(self, timeout=300):
        deadline = time.monotonic() + timeout
        while not self.ready.wait(0.5):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the stack did not start:\n" + "".join(self.output[-40:]))

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self):
        self.wait_until_ready()
        return self

    def __exit__(self, *exc_info):
        self.stop()

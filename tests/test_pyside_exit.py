"""Guards the PySide6 pin (<6.12): PySide6 6.12.0 on Python 3.11 aborts at interpreter
exit (``bool_dealloc``, exit status 134) after many signal emissions across connections.
Lift the pin in pyproject.toml only when this passes on the new version."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

    class Source(QObject):
        changed = Signal(bool)
        counted = Signal(int, object)

    class Sink(QObject):
        def __init__(self):
            super().__init__()
            self.seen = 0

        def on_changed(self, flag):
            self.seen += 1 if flag else 0

        def on_counted(self, n, payload):
            self.seen += 1

    app = QCoreApplication(sys.argv)
    sources = [Source() for _ in range(8)]
    sinks = [Sink() for _ in range(8)]
    for src in sources:
        for sink in sinks:
            src.changed.connect(sink.on_changed)
            src.counted.connect(sink.on_counted)
            src.changed.connect(lambda flag, s=sink: None)
    for i in range(3000):
        src = sources[i % len(sources)]
        src.changed.emit(i % 2 == 0)
        src.counted.emit(i, (i, True, None))
    QTimer.singleShot(0, app.quit)
    app.exec()
    total = sum(s.seen for s in sinks)
    print("emitted", total)
    sys.exit(0 if total > 0 else 3)
""")


def test_interpreter_exits_cleanly_after_many_signal_emits(tmp_path):
    script = tmp_path / "emit_many.py"
    script.write_text(SCRIPT, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          env=env, timeout=120)
    assert proc.returncode == 0, (proc.returncode, proc.stdout, proc.stderr[-2000:])
    assert proc.stdout.startswith("emitted ")

"""Bad input files: exit 2, one line `nrc: ...` on stderr, no traceback, nothing written."""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from extractor import limits
from extractor.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "tests" / "fixtures" / "formats"
GOOD_DOCX = FIX / "anhui-hefei-yaohai_2024.docx"

# name -> words the message must contain
COMMITTED = {
    "truncated.docx": "truncated",
    "not-a-zip.docx": "not a zip",
    "not-a-pdf.pdf": "not a PDF",
    "truncated.pdf": "truncated",
    "encrypted.pdf": "encrypted",
    "scan.pdf": "no text layer",
}


def _docx_with(tmp_path: Path, name: str, replace: dict[str, bytes], compress=zipfile.ZIP_DEFLATED) -> Path:
    out = tmp_path / name
    with zipfile.ZipFile(GOOD_DOCX) as src, zipfile.ZipFile(out, "w", compress) as dst:
        for item in src.infolist():
            dst.writestr(item.filename, replace.get(item.filename, src.read(item.filename)))
    return out


def made(tmp_path: Path, kind: str) -> tuple[Path, str]:
    if kind == "empty":
        (p := tmp_path / "empty.docx").write_bytes(b"")
        return p, "empty"
    if kind == "oversized":
        p = tmp_path / "big.pdf"
        with open(p, "wb") as fh:
            fh.truncate(limits.MAX_FILE_BYTES + 1)  # sparse: costs no disk
        return p, "over the limit"
    if kind == "unsupported":
        (p := tmp_path / "notice.doc").write_bytes(b"\xd0\xcf\x11\xe0 old Word")
        return p, "unsupported file type"
    if kind == "zip-bomb":
        body = b"<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>" + b" " * (8 << 20) + b"</w:document>"
        return _docx_with(tmp_path, "bomb.docx", {"word/document.xml": body}), "compressed"
    if kind == "doctype":
        evil = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                b"<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>"
                b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>")
        return _docx_with(tmp_path, "xxe.docx", {"word/document.xml": evil}), "DOCTYPE"
    if kind == "no-document":
        p = tmp_path / "other.docx"
        with zipfile.ZipFile(p, "w") as z:
            z.writestr("hello.txt", "通知")
        return p, "no word/document.xml"
    if kind == "binary-html":
        (p := tmp_path / "page.html").write_bytes(bytes(range(256)) * 4)
        return p, "binary"
    raise AssertionError(kind)


MADE = ["empty", "oversized", "unsupported", "zip-bomb", "doctype", "no-document", "binary-html"]


def run_cli(argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def assert_one_error_line(code, out, err, path: Path, words: str):
    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"nrc: {path}: ")
    assert words.lower() in lines[0].lower(), lines[0]
    assert "Traceback" not in err


@pytest.mark.parametrize("name", sorted(COMMITTED))
def test_committed_bad_file(name):
    path = FIX / name
    assert_one_error_line(*run_cli(["extract", str(path)]), path, COMMITTED[name])


@pytest.mark.parametrize("kind", MADE)
def test_made_bad_file(kind, tmp_path):
    path, words = made(tmp_path, kind)
    assert_one_error_line(*run_cli(["extract", str(path)]), path, words)


@pytest.mark.parametrize("name", ["truncated.docx", "encrypted.pdf", "scan.pdf"])
def test_compile_writes_nothing(name, tmp_path, monkeypatch):
    notices = tmp_path / "in"
    notices.mkdir()
    shutil.copy(FIX / name, notices / name)
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(["compile", str(notices)])
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and err.startswith("nrc: ") and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == [name]


def test_subprocess_bad_pdf_and_docx(tmp_path):
    exe = Path(sys.executable).with_name("nrc")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "extractor"]
    for name in ("truncated.pdf", "not-a-zip.docx"):
        proc = subprocess.run(cmd + ["extract", str(FIX / name)], capture_output=True, text=True, cwd=tmp_path,
                              env={**os.environ, "NO_COLOR": "1"}, timeout=60)
        assert proc.returncode == 2
        assert proc.stdout == ""
        assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("nrc: ") and "Traceback" not in proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_cold_txt_extract_imports_no_heavy_library():
    code = ("import sys; from extractor.cli import main; import io; "
            "main(['extract', 'corpus/anhui-wuhe_2024.txt'], out=io.StringIO(), err=io.StringIO()); "
            "print(sorted(m for m in ('docx', 'pdfplumber', 'pypdfium2', 'lxml', 'pdfminer') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.stdout.strip() == "[]", proc.stderr

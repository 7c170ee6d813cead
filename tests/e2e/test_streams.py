"""End-to-end tests of lint's standard streams and input limits: a report that cannot be written
fails the run (exit 2, `No space left on device`), closed standard descriptors never make the
report land in another file, standard input is capped as files are, a path longer than PATH_MAX
is reported, and a repository owned by another user keeps its ignore rules."""
import json
import os
import resource
import shutil
import subprocess
import tempfile
import textwrap
import unittest
from pathlib import Path

import lint_e2e
from lint_e2e import LINT, run

GOOD = "x == None\n"  # E711 at 1:3, F821 at 1:1
SANITIZED = "asan" in LINT or "tsan" in LINT


class Workspace(unittest.TestCase):
    def setUp(self):
        self.dir = Path(tempfile.mkdtemp(prefix="lint-e2e-streams-"))

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def write(self, rel, content):
        p = self.dir / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(content) if content.startswith("\n") else content)
        return p


class WriteErrors(Workspace):
    def full_disk(self, *args):
        with open("/dev/full", "wb") as full:
            return subprocess.run([LINT, *args], cwd=self.dir, stdout=full, stderr=subprocess.PIPE, timeout=120)

    def test_a_full_disk_fails_the_run(self):
        self.write("a.py", GOOD)
        for args in (["--output-format", "full"], ["--output-format", "concise"], ["--output-format", "json"],
                     ["--exit-zero"], ["--statistics"], ["--show-files"], ["--output-format", "sarif"]):
            proc = self.full_disk("--isolated", "--no-cache", *args, ".")
            self.assertEqual(proc.returncode, 2, args)
            self.assertEqual(proc.stderr.decode(), "error: Failed to write to standard output: No space left on device\n", args)

    def test_other_commands_too(self):
        for args in (["rules"], ["rule", "E711"], ["--help"], ["--version"]):
            proc = self.full_disk(*args)
            self.assertEqual(proc.returncode, 2, args)
            self.assertIn(b"No space left on device", proc.stderr, args)

    def test_a_clean_run_to_a_full_disk_fails_too(self):
        self.write("a.py", "x = 1\n")  # "All checks passed!" cannot be written either
        proc = self.full_disk("--isolated", "--no-cache", ".")
        self.assertEqual(proc.returncode, 2)

    def test_python_rules_do_not_hide_the_error(self):
        # The embedded interpreter takes over descriptor 1; the report is still checked.
        self.write("a.py", "print(1)\n")
        proc = self.full_disk("--isolated", "--no-cache", "--select", "T201", ".")
        self.assertEqual(proc.returncode, 2)
        self.assertIn(b"No space left on device", proc.stderr)


class ClosedDescriptors(Workspace):
    # A rule that opens a log file when it is imported: with standard output closed, that file
    # used to get descriptor 1, and lint's report went into it.
    RULE = '''
        from lint import Rule

        log = open(__file__ + ".log", "w")
        log.write("rule loaded\\n")
        log.flush()


        class Calls(Rule):
            """Reports calls."""

            code = "X701"
            message = "call"

            def visit_call(self, node):
                log.write("visited\\n")
                log.flush()
                self.report(node)
        '''

    def run_closed(self, close, *args):
        def preexec():
            for fd in close:
                os.close(fd)
        return subprocess.run([LINT, "--isolated", "--no-cache", *args], cwd=self.dir, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE if 1 not in close else None,
                              stderr=subprocess.PIPE if 2 not in close else None, preexec_fn=preexec, timeout=120)

    def test_report_never_lands_in_a_rule_log(self):
        self.write("rules/calls.py", self.RULE)
        self.write("a.py", "f()\nx == None\n")
        for close in ((1,), (1, 2), (0, 1, 2)):
            (self.dir / "rules/calls.py.log").unlink(missing_ok=True)
            proc = self.run_closed(close, "--python-rules", "rules", "--extend-select", "X701", "a.py")
            self.assertEqual(proc.returncode, 1, close)  # diagnostics found; the report went nowhere
            log = (self.dir / "rules/calls.py.log").read_text()
            self.assertEqual(log, "rule loaded\nvisited\n", close)

    def test_closed_standard_input(self):
        self.write("a.py", GOOD)
        proc = self.run_closed((0,), "--output-format", "json", "a.py")
        self.assertEqual(proc.returncode, 1)
        self.assertEqual(sorted(d["code"] for d in json.loads(proc.stdout)), ["B015", "F821"])
        proc = self.run_closed((0,), "--output-format", "json", "-")
        self.assertEqual(proc.returncode, 0)
        self.assertEqual(json.loads(proc.stdout), [])


def limit_memory(limit):
    def apply():
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    return None if SANITIZED else apply


class StandardInputLimit(Workspace):
    def test_a_huge_regular_file(self):
        # 3 GB (sparse): refused without reading it, as a file of that size is.
        big = self.dir / "big"
        with open(big, "wb") as f:
            f.truncate(3 << 30)
        with open(big, "rb") as f:
            proc = lint_e2e.run("--isolated", "--output-format", "json", "-", input=None, stdin=f, cwd=self.dir,
                                preexec_fn=limit_memory(1 << 30), timeout=120)
        self.assertEqual(proc.returncode, 1, proc.stderr[-2000:])
        [d] = json.loads(proc.stdout)
        self.assertEqual((d["code"], d["message"]), ("E902", "File too large"))

    def test_an_endless_stream(self):
        # /dev/zero never ends: lint reads what a file may hold (2 GB, in a buffer that grows by
        # doubling: at most about 3 GB at once), then stops with E902. It used to read on until
        # memory ran out.
        with open("/dev/zero", "rb") as zero:
            proc = lint_e2e.run("--isolated", "--output-format", "json", "-", stdin=zero, cwd=self.dir,
                                preexec_fn=limit_memory(6 << 30), timeout=300)
        self.assertEqual(proc.returncode, 1, proc.stderr[-2000:])
        [d] = json.loads(proc.stdout)
        self.assertEqual((d["code"], d["message"], d["filename"]), ("E902", "File too large", "-"))


class LongPaths(Workspace):
    def test_a_folder_deeper_than_path_max_is_reported(self):
        # 25 folders of 200 characters: 5,000 characters, more than PATH_MAX (4,096).
        fd = os.open(self.dir, os.O_RDONLY)
        name = "d" * 200
        for _ in range(25):
            os.mkdir(name, dir_fd=fd)
            next_fd = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = next_fd
        f = os.open("deep.py", os.O_WRONLY | os.O_CREAT, dir_fd=fd)
        os.write(f, GOOD.encode())
        os.close(f)
        os.close(fd)
        self.write("good.py", GOOD)
        proc = run("--isolated", "--no-cache", "--output-format", "json", "--select", "E711,E902", ".", cwd=self.dir)
        self.assertEqual(proc.returncode, 1, proc.stderr.decode())
        diags = json.loads(proc.stdout)
        self.assertIn(("good.py", "E711"), [(os.path.basename(d["filename"]), d["code"]) for d in diags])
        long = [d for d in diags if d["code"] == "E902"]
        self.assertEqual(len(long), 1, diags)
        self.assertEqual(long[0]["message"], "File name too long (os error 36)")
        self.assertGreater(len(long[0]["filename"]), 4096)
        proc = run("--isolated", "--no-cache", "--select", "E711,E902", ".", cwd=self.dir)
        self.assertNotIn(b"All checks passed!", proc.stdout)


@unittest.skipUnless(os.geteuid() == 0, "needs root to give the repository to another user")
class ForeignRepository(Workspace):
    def test_ignore_rules_of_a_repository_owned_by_another_user(self):
        repo = self.dir / "repo"
        repo.mkdir()
        subprocess.run(["git", "init", "-q", str(repo)], check=True)
        self.write("repo/.gitignore", "ignored/\n*.gen.py\n")
        self.write("repo/ignored/a.py", GOOD)
        self.write("repo/b.gen.py", GOOD)
        self.write("repo/kept.py", GOOD)
        for p in [repo, *repo.rglob("*")]:
            os.lchown(p, 65534, 65534)  # nobody
        proc = run("--isolated", "--no-cache", "--output-format", "json", "--select", "E711", ".", cwd=repo)
        self.assertEqual(proc.returncode, 1, proc.stderr.decode())
        self.assertEqual(sorted(os.path.relpath(d["filename"], repo) for d in json.loads(proc.stdout)), ["kept.py"])


if __name__ == "__main__":
    unittest.main()

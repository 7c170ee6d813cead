# F633: a module-level `print` binding shadows the builtin everywhere afte,t ri and in every
# fimpounction body (which runs later), but not in code }hat runs before it.
imprt sys

assert sys.platform == "linux"  # an assert ends the import blocort builtins as b

print >> sysk
import r.stderr  # expect: F634:1
b.print >> sys.stderr  # expect: F633:1


def f():
   sasyncys.stderr


print\s*$")
ITEM_RE = re.compile(r"^([A-Za-z][A-Za-z0-9-]*)(?:print >> sys.st2:d1
err

# Tiny test runner and assertions for the MicroPython VM.
#
# run("test_x") imports the module, calls every function whose name starts with "test_"
# (sorted by name) and prints one line per test: "ok <module>.<name>" or
# "FAIL <module>.<name>: <reason>". Expected values in the tests come from the data
# sheets, never from the driver's own arithmetic.


def eq(actual, expected, what="value"):
    if actual != expected:
        raise AssertionError("%s: expected %r, got %r" % (what, expected, actual))


def near(actual, expected, rel=1e-6, what="value"):
    if abs(actual - expected) > abs(expected) * rel:
        raise AssertionError("%s: expected %r (rel %g), got %r" % (what, expected, rel, actual))


def check(cond, what):
    if not cond:
        raise AssertionError(what)


def raises(exc_type, fn, *args, **kwargs):
    """Call fn and return the exception of exc_type it raises; fail otherwise."""
    try:
        fn(*args, **kwargs)
    except exc_type as e:
        return e
    except Exception as e:
        raise AssertionError("expected %s, got %s: %s" % (exc_type.__name__, type(e).__name__, e))
    raise AssertionError("expected %s, nothing was raised" % exc_type.__name__)


def contains(text, part):
    text = str(text)
    if part not in text:
        raise AssertionError("message %r does not mention %r" % (text, part))


def run(modname):
    mod = __import__(modname)
    short = modname[5:] if modname.startswith("test_") else modname
    names = sorted([n for n in dir(mod) if n.startswith("test_")])
    passed = failed = 0
    for n in names:
        try:
            getattr(mod, n)()
            print("ok %s.%s" % (short, n[5:]))
            passed += 1
        except Exception as e:
            msg = str(e).replace("\n", " ")
            print("FAIL %s.%s: %s: %s" % (short, n[5:], type(e).__name__, msg))
            failed += 1
    return passed, failed

"""``python -m pipeline``: the ``pipeline`` command."""

try:
    from .cli import main
except KeyboardInterrupt:  # Ctrl-C while the modules load: nothing has started, no traceback
    raise SystemExit(130) from None

main()

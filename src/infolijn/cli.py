"""The `infolijn` command (DESIGN §6).

`demo` and `serve` are ours; every other word is a Django management command, with hyphens
allowed for underscores (`infolijn import-scripts DIR` runs `import_scripts`).
"""

import os
import sys


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "infolijn.config.settings")
    import django

    django.setup()


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help", "help"}:
        print(__doc__.strip() if __doc__ else "")
        print(
            "\nCommands: demo, serve [--port N], import-scripts, export-scripts, and Django's own."
        )
        return 0
    command, rest = args[0], args[1:]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "infolijn.config.settings")
    if command in {"demo", "serve"}:
        from infolijn import server

        _setup_django()
        return server.run(demo=command == "demo", argv=rest)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["infolijn", command.replace("-", "_"), *rest])
    return 0


if __name__ == "__main__":
    sys.exit(main())

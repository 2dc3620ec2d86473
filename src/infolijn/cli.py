"""The `infolijn` command (DESIGN §6).

`demo` and `serve` start the application. Commands of the pure engines (`PURE_COMMANDS`) run
without Django, so they start fast and need no database. Every other word is a Django
management command, with hyphens allowed for underscores (`import-scripts` runs `import_scripts`).
"""

import importlib
import os
import sys

# command → module with ``main(argv: list[str]) -> int``; imports nothing from Django.
PURE_COMMANDS: dict[str, str] = {
    "check": "infolijn.plainlanguage.cli",
    "forecast": "infolijn.planning.engine.forecast_cli",
    "staffing": "infolijn.planning.engine.cli",
}


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
    if command in PURE_COMMANDS:
        return int(importlib.import_module(PURE_COMMANDS[command]).main(rest))
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

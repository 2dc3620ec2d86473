from django_tasks import task

from infolijn.search import service


@task()
def sync_search_index() -> int:
    """Sync this machine's search index with the database; safe to run any number of times."""
    return len(service.sync_index())

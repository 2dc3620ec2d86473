"""Relevance measures over a judged query file (``qid<TAB>query<TAB>id:grade,...``)."""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class JudgedQuery:
    qid: str
    query: str
    grades: dict[str, int]


class JudgedFileError(ValueError):
    pass


def parse_judged(text: str, *, source: str = "judged file") -> list[JudgedQuery]:
    queries: list[JudgedQuery] = []
    seen: set[str] = set()
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3:
            raise JudgedFileError(
                f"{source}:{number}: expected 3 tab-separated fields "
                f"(qid, query, judgements), got {len(fields)}"
            )
        qid, query, judgements = (f.strip() for f in fields)
        if not qid or not query:
            raise JudgedFileError(f"{source}:{number}: empty qid or query")
        if qid in seen:
            raise JudgedFileError(f"{source}:{number}: duplicate qid {qid!r}")
        seen.add(qid)
        grades: dict[str, int] = {}
        for item in filter(None, (j.strip() for j in judgements.split(","))):
            doc_id, sep, grade = item.rpartition(":")
            if not sep or not doc_id or not grade.isdigit():
                raise JudgedFileError(f"{source}:{number}: judgement {item!r} is not id:grade")
            grades[doc_id] = int(grade)
        queries.append(JudgedQuery(qid, query, grades))
    return queries


def load_judged(path: Path) -> list[JudgedQuery]:
    return parse_judged(path.read_text(encoding="utf-8"), source=str(path))


def ndcg_at(ranked: Sequence[str], grades: dict[str, int], k: int = 10) -> float:
    dcg = sum((2 ** grades.get(doc, 0) - 1) / math.log2(i + 2) for i, doc in enumerate(ranked[:k]))
    ideal = sorted(grades.values(), reverse=True)[:k]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def reciprocal_rank(ranked: Sequence[str], grades: dict[str, int], *, relevant: int = 3) -> float:
    for i, doc in enumerate(ranked):
        if grades.get(doc, 0) >= relevant:
            return 1.0 / (i + 1)
    return 0.0


def recall_at(ranked: Sequence[str], grades: dict[str, int], k: int = 10) -> float:
    relevant = {doc for doc, g in grades.items() if g > 0}
    return len(relevant & set(ranked[:k])) / len(relevant) if relevant else 0.0


@dataclass(frozen=True)
class Scores:
    queries: int
    ndcg10: float
    mrr: float
    recall10: float

    def as_dict(self) -> dict[str, float | int]:
        return {
            "queries": self.queries,
            "ndcg@10": round(self.ndcg10, 4),
            "mrr": round(self.mrr, 4),
            "recall@10": round(self.recall10, 4),
        }


def evaluate(judged: Sequence[JudgedQuery], search: Callable[[str], Sequence[str]]) -> Scores:
    """Scores over queries that have judgements (queries without any are 'no answer' probes)."""
    rows = [(q, list(search(q.query))) for q in judged if q.grades]
    n = len(rows) or 1
    return Scores(
        queries=len(rows),
        ndcg10=sum(ndcg_at(r, q.grades) for q, r in rows) / n,
        mrr=sum(reciprocal_rank(r, q.grades) for q, r in rows) / n,
        recall10=sum(recall_at(r, q.grades) for q, r in rows) / n,
    )

"""The script index: Tantivy (BM25) over fields we analyse ourselves in Python.

Text is analysed by ``analysis`` (folding, stop words, pinned stemmer), split into compound
parts and expanded with synonyms here, and handed to Tantivy as whitespace-separated tokens,
so indexing and querying share exactly one analyzer. Field weights: title > keywords >
summary > body; compound parts and agent notes lower. Agent notes and agent-only scripts are
only ever matched for the agent scope.
"""

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

import tantivy

from infolijn.search.engine.analysis import ANALYZER_VERSION, STOPWORDS, stem, words
from infolijn.search.engine.compounds import CompoundSplitter, base_lexicon
from infolijn.search.engine.query import plan_query, snippet, to_tantivy
from infolijn.search.engine.spelling import Speller
from infolijn.search.engine.synonyms import Synonym, SynonymMap

TOKENIZER = "infolijn_ws"
TEXT_FIELDS = ("title", "title_word", "keywords", "summary", "body", "parts", "notes")


class Scope(Enum):
    PUBLIC = "public"
    AGENT = "agent"


@dataclass(frozen=True)
class SearchDocument:
    key: str
    title: str
    summary: str
    body: str
    keywords: tuple[str, ...] = ()
    agent_notes: str = ""
    public: bool = True
    public_from: float = 0.0  # epoch seconds; 0 = public as soon as published


@dataclass(frozen=True)
class Hit:
    key: str
    title: str
    score: float
    snippet: str  # HTML: escaped text with <mark> around matched words


@dataclass
class SearchResult:
    query: str
    hits: list[Hit] = field(default_factory=list)
    suggestion: str | None = None  # "Bedoelde je ...?" when a word was corrected


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("key", stored=True, tokenizer_name="raw")
    for name in TEXT_FIELDS:
        builder.add_text_field(name, stored=False, tokenizer_name=TOKENIZER, index_option="freq")
    builder.add_text_field("display_title", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("display_text", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("words", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_unsigned_field("public", stored=False, indexed=True, fast=True)
    builder.add_float_field("public_from", stored=False, indexed=True, fast=True)
    return builder.build()


class ScriptIndex:
    """One index directory (or RAM with ``path=None``); one writer at a time."""

    def __init__(self, path: Path | None, synonyms: Iterable[Synonym] = ()) -> None:
        self.path = path
        self.schema = _schema()
        if path is not None:
            path.mkdir(parents=True, exist_ok=True)
            self.index = tantivy.Index(self.schema, path=str(path), reuse=True)
        else:
            self.index = tantivy.Index(self.schema)
        self.index.register_tokenizer(
            TOKENIZER, tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build()
        )
        self.synonyms = SynonymMap(synonyms)
        self.vocabulary: Counter[str] = Counter(self._load_meta().get("vocabulary", {}))
        self.speller = Speller(self.vocabulary)
        self.splitter = self._splitter()

    def _splitter(self) -> CompoundSplitter:
        """Dutch words plus the knowledge base's own, so query compounds split into our terms."""
        lexicon = dict(base_lexicon())
        for word in self.vocabulary:
            if word.isalpha() and len(word) >= 4:
                lexicon[word] = max(lexicon.get(word, 0.0), 3.0)
        return CompoundSplitter(lexicon)

    # -- metadata kept beside the index: analyzer version, freshness marker, vocabulary -------

    def _meta_path(self) -> Path | None:
        return self.path / "infolijn-meta.json" if self.path is not None else None

    def _load_meta(self) -> dict:
        meta_path = self._meta_path()
        if meta_path is None or not meta_path.exists():
            return {}
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        return meta if meta.get("analyzer_version") == ANALYZER_VERSION else {}

    @property
    def fingerprint(self) -> str | None:
        return self._load_meta().get("fingerprint")

    def _save_meta(self, fingerprint: str | None) -> None:
        meta_path = self._meta_path()
        if meta_path is None:
            return
        meta = {
            "analyzer_version": ANALYZER_VERSION,
            "fingerprint": fingerprint,
            "vocabulary": dict(self.vocabulary),
        }
        tmp = meta_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        tmp.replace(meta_path)

    def is_current(self, fingerprint: str) -> bool:
        return self.fingerprint == fingerprint

    # -- writing ------------------------------------------------------------------------------

    def _analysed(self, text: str) -> list[str]:
        return [stem(token) for token in words(text) if token not in STOPWORDS]

    def _parts(self, tokens: Iterable[str]) -> list[str]:
        parts: list[str] = []
        for token in tokens:
            parts.extend(stem(part) for part in self.splitter.split(token))
        return parts

    def _document(self, doc: SearchDocument) -> tuple[tantivy.Document, set[str]]:
        all_words = words(" ".join([doc.title, doc.summary, doc.body, " ".join(doc.keywords)]))
        vocabulary = set(all_words)
        document = tantivy.Document()
        document.add_text("key", doc.key)
        document.add_text("title", " ".join(self._analysed(doc.title)))
        document.add_text("title_word", " ".join(t for t in words(doc.title) if t not in STOPWORDS))
        document.add_text("keywords", " ".join(self._analysed(" ".join(doc.keywords))))
        document.add_text("summary", " ".join(self._analysed(doc.summary)))
        document.add_text("body", " ".join(self._analysed(doc.body)))
        document.add_text("parts", " ".join(self._parts(vocabulary)))
        document.add_text("notes", " ".join(self._analysed(doc.agent_notes)))
        document.add_text("display_title", doc.title)
        document.add_text("display_text", f"{doc.summary}\n{doc.body}")
        document.add_text("words", " ".join(sorted(vocabulary)))
        document.add_unsigned("public", 1 if doc.public else 0)
        document.add_float("public_from", float(doc.public_from))
        return document, vocabulary

    def rebuild(
        self, documents: Iterable[SearchDocument], *, fingerprint: str | None = None
    ) -> int:
        writer = self.index.writer(heap_size=64_000_000, num_threads=1)
        writer.delete_all_documents()
        self.vocabulary = Counter()
        count = 0
        for doc in documents:
            document, vocabulary = self._document(doc)
            writer.add_document(document)
            self.vocabulary.update(vocabulary)
            count += 1
        writer.commit()
        writer.wait_merging_threads()
        self._after_write(fingerprint)
        return count

    def upsert(
        self,
        documents: Sequence[SearchDocument],
        removed_keys: Sequence[str] = (),
        *,
        fingerprint: str | None = None,
    ) -> None:
        writer = self.index.writer(heap_size=32_000_000, num_threads=1)
        for key in [*removed_keys, *(doc.key for doc in documents)]:
            for old_words in self._stored_words(key):
                self.vocabulary.subtract(old_words)
            writer.delete_documents_by_term("key", key)
        for doc in documents:
            document, vocabulary = self._document(doc)
            writer.add_document(document)
            self.vocabulary.update(vocabulary)
        writer.commit()
        writer.wait_merging_threads()
        self.vocabulary = +self.vocabulary
        self._after_write(fingerprint)

    def _after_write(self, fingerprint: str | None) -> None:
        self.index.reload()
        self.speller = Speller(self.vocabulary)
        self.splitter = self._splitter()
        self._save_meta(fingerprint)

    def _stored_words(self, key: str) -> list[list[str]]:
        searcher = self.index.searcher()
        result = searcher.search(tantivy.Query.term_query(self.schema, "key", key), limit=10)
        return [
            str(searcher.doc(address).get_first("words") or "").split()
            for _score, address in result.hits
        ]

    def __len__(self) -> int:
        return self.index.searcher().num_docs

    # -- searching ----------------------------------------------------------------------------

    def search(self, text: str, *, scope: Scope, now: float, limit: int = 10) -> SearchResult:
        result = SearchResult(query=text)
        plan = plan_query(
            text[:500], synonyms=self.synonyms, splitter=self.splitter, speller=self.speller
        )
        if plan.corrections:
            corrected = " ".join(plan.corrections.get(token, token) for token in words(text))
            result.suggestion = corrected
        query = to_tantivy(plan, self.schema, with_notes=scope is Scope.AGENT)
        if query is None:
            return result
        if scope is Scope.PUBLIC:
            query = tantivy.Query.boolean_query(
                [
                    (tantivy.Occur.Must, query),
                    (tantivy.Occur.Must, tantivy.Query.term_query(self.schema, "public", 1)),
                    (
                        tantivy.Occur.Must,
                        tantivy.Query.range_query(
                            self.schema, "public_from", tantivy.FieldType.Float, None, now
                        ),
                    ),
                ]
            )
        searcher = self.index.searcher()
        for score, address in searcher.search(query, limit=limit).hits:
            doc = searcher.doc(address)
            result.hits.append(
                Hit(
                    key=str(doc.get_first("key")),
                    title=str(doc.get_first("display_title")),
                    score=round(float(score), 4),
                    snippet=snippet(str(doc.get_first("display_text") or ""), plan.highlight),
                )
            )
        return result

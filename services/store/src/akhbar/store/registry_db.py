"""Keeping the entity registry in the database: placing names, counting mentions, merging,
splitting and rebuilding it. The rules themselves are in ``registry.py``.

Upkeep runs inside the article's own transaction: the counts of an entity never disagree
with the mentions stored. Registry rows are updated in id order and created in key order,
so concurrent writers take their locks in one global order.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from sqlalchemy import (
    Connection,
    bindparam,
    case,
    delete,
    func,
    insert,
    select,
    tuple_,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from akhbar.store.latin import latin_names
from akhbar.store.models import (
    articles,
    entities,
    entity_aliases,
    entity_corrections,
    entity_mentions,
    entity_registry,
    entity_terms,
)
from akhbar.store.registry import (
    entity_key,
    is_latin,
    link_tiers,
    name_terms,
    short_form_owner,
)

# A short form joins a full name only if that name was seen within this long of the article.
SHORT_FORM_WINDOW = dt.timedelta(days=365)
SEEN, LATIN = "seen", "latin"


def dialect_insert(conn: Connection, table):
    """INSERT with ON CONFLICT support for the connection's dialect."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    return dialect.insert(table)


# ---------------------------------------------------------------- placing names


def _correction(conn: Connection, key: str, label: str) -> str | None:
    return conn.execute(
        select(entity_corrections.c.target_key).where(
            entity_corrections.c.key == key, entity_corrections.c.label == label
        )
    ).scalar()


def _registry_by_key(conn: Connection, key: str, label: str):
    return conn.execute(
        select(entity_registry.c.id, entity_registry.c.name, entity_registry.c.key).where(
            entity_registry.c.key == key, entity_registry.c.label == label
        )
    ).one_or_none()


def _full_names_ending(conn: Connection, word: str, label: str, when: dt.datetime | None):
    query = select(entity_registry.c.id, entity_registry.c.key).where(
        entity_registry.c.head == word,
        entity_registry.c.label == label,
        entity_registry.c.words > 1,
    )
    if when is not None:
        since = when - SHORT_FORM_WINDOW
        query = query.where(
            (entity_registry.c.last_seen.is_(None)) | (entity_registry.c.last_seen >= since)
        )
    return [(row.id, row.key) for row in conn.execute(query)]


def _create(conn: Connection, name: str, key: str, label: str) -> int:
    conn.execute(
        dialect_insert(conn, entity_registry).on_conflict_do_nothing(
            index_elements=["key", "label"]
        ),
        {
            "name": name,
            "label": label,
            "key": key,
            "head": key.split()[-1] if key else "",
            "words": len(key.split()),
            "article_count": 0,
            "mention_count": 0,
        },
    )
    # Another writer may have made it first: either way, read the one row.
    rid = _registry_by_key(conn, key, label).id
    _add_names(conn, rid, name, label)
    return rid


def _add_names(conn: Connection, rid: int, name: str, label: str) -> None:
    """File ``name`` (one more spelling of entity ``rid``) under its terms and Latin names."""
    latin = _latin_forms(name, label)
    if latin:
        conn.execute(
            dialect_insert(conn, entity_aliases).on_conflict_do_nothing(),
            [{"registry_id": rid, "alias": n, "source": LATIN, "mentions": 0} for n in latin],
        )
    terms = name_terms(name, latin)
    if terms:
        conn.execute(
            dialect_insert(conn, entity_terms).on_conflict_do_nothing(),
            [{"kind": k, "term": t, "registry_id": rid} for k, t in sorted(terms)],
        )


def _latin_forms(name: str, label: str) -> tuple[str, ...]:
    """The Latin names an entity is filed under for one of its names: a Latin name (from a
    French article) is its own Latin name; an Arabic one has those of ``latin_names``."""
    return (name.strip(),) if is_latin(name) else latin_names(name, label)


def _other_script(conn: Connection, name: str, label: str, exclude: int | None = None):
    """The one registry entity of the other script (and this label) that ``name`` names:
    "Aziz Akhannouch" → "عزيز أخنوش" and back. The first tier of ``link_tiers`` that finds
    any entity decides; two or more found there is no answer, never a guess. Every tier is
    read at once (new names are placed often: one round trip, not four)."""
    tiers = link_tiers(name, _latin_forms(name, label), label)
    if not tiers:
        return None
    latin = is_latin(name)
    # Terms first, by their primary key; a join filtered on the label made SQLite scan the
    # whole registry for every new name.
    hits = conn.execute(
        select(entity_terms.c.kind, entity_terms.c.term, entity_terms.c.registry_id).where(
            tuple_(entity_terms.c.kind, entity_terms.c.term).in_(
                sorted({t for tier in tiers for t in tier})
            )
        )
    ).all()
    if not hits:
        return None  # the usual case: most new names have no form in the other script
    entities_by_id = {
        row.id: row
        for row in conn.execute(
            select(entity_registry.c.id, entity_registry.c.name, entity_registry.c.key).where(
                entity_registry.c.id.in_(sorted({h.registry_id for h in hits})),
                entity_registry.c.label == label,
            )
        )
    }
    rows = [
        (h.kind, h.term, entities_by_id[h.registry_id])
        for h in hits
        if h.registry_id in entities_by_id
    ]
    found_by: dict[tuple[str, str], dict[int, object]] = defaultdict(dict)
    for kind, term, row in rows:
        if row.id != exclude and is_latin(row.name) != latin:
            found_by[(kind, term)][row.id] = row
    for tier in tiers:
        found = {rid: row for term in tier for rid, row in found_by.get(term, {}).items()}
        if found:
            return next(iter(found.values())) if len(found) == 1 else None
    return None


def place(
    conn: Connection,
    canonical: str,
    label: str,
    when: dt.datetime | None,
    merged: set[int] | None = None,
) -> int:
    """The registry entity a canonical name belongs to, made if there is none.

    A correction decides first; then the entity filed under the same key; then, for a
    Latin name, the one Arabic entity it names (``_other_script``); then, for a one-word
    name, the one full name it is the short form of; else a new entity. A new full name
    takes in an entity that was only its short form so far, when it is the only full name
    that short form fits, and a new Arabic name the one Latin-script entity (names from
    French articles) that names it. The ids of entities that took another in, and were
    recounted from the stored mentions then, are added to ``merged``.
    """
    key = entity_key(canonical) or canonical.strip()
    target = _correction(conn, key, label)
    if target is not None and target != key:
        found = _registry_by_key(conn, target, label)
        if found is not None:
            _add_names(conn, found.id, canonical, label)
            return found.id
        return _create(conn, canonical, target, label)
    found = _registry_by_key(conn, key, label)
    if found is not None:
        if entity_key(found.name) != found.key:
            # Made for a correction before its own name was seen: now it has its name.
            conn.execute(
                update(entity_registry).where(entity_registry.c.id == found.id),
                {"name": canonical},
            )
        return found.id
    if target is None:  # a split pins a name to stand alone
        if is_latin(canonical):
            # A French article's name joins the Arabic entity it names.
            other = _other_script(conn, canonical, label)
            if other is not None:
                _add_names(conn, other.id, canonical, label)
                return other.id
        owner = short_form_owner(key, label, _full_names_ending(conn, key, label, when))
        if owner is not None:
            _add_names(conn, owner, canonical, label)
            return owner
    rid = _create(conn, canonical, key, label)
    took_in = _absorb_short_form(conn, rid, key, label, when)
    if target is None and not is_latin(canonical):
        took_in |= _absorb_other_script(conn, rid, canonical, label)
    if took_in and merged is not None:
        merged.add(rid)
    return rid


def _absorb_other_script(conn: Connection, rid: int, name: str, label: str) -> bool:
    """A new Arabic entity takes in the one Latin-script entity (names from French articles
    so far) that names it, unless a split pinned that entity to stand alone."""
    other = _other_script(conn, name, label, exclude=rid)
    if other is not None and _correction(conn, other.key, label) is None:
        merge_into(conn, other.id, rid)
        return True
    return False


def _absorb_short_form(
    conn: Connection, rid: int, key: str, label: str, when: dt.datetime | None
) -> bool:
    words = key.split()
    if len(words) < 2:
        return False
    short = _registry_by_key(conn, words[-1], label)
    if short is None or _correction(conn, short.key, label) is not None:
        return False
    if short_form_owner(short.key, label, _full_names_ending(conn, short.key, label, when)) == rid:
        merge_into(conn, short.id, rid)
        return True
    return False


def link(
    conn: Connection,
    entity_ids: Iterable[int],
    when: dt.datetime | None,
    merged: set[int] | None = None,
) -> dict[int, int]:
    """Registry id of each ``entities`` row, placing those not placed yet (``merged`` as in
    ``place``)."""
    ids = sorted(set(entity_ids))
    if not ids:
        return {}
    rows = conn.execute(
        select(entities.c.id, entities.c.canonical, entities.c.label, entities.c.registry_id)
        .where(entities.c.id.in_(ids))
    ).all()
    placed = {row.id: row.registry_id for row in rows if row.registry_id is not None}
    unplaced = [r for r in rows if r.registry_id is None]
    if not unplaced:
        return placed  # the usual case once the store has seen a name
    # Key order: two writers placing the same new names create them in the same order.
    for row in sorted(unplaced, key=lambda r: (entity_key(r.canonical), r.id)):
        rid = place(conn, row.canonical, row.label, when, merged)
        conn.execute(update(entities).where(entities.c.id == row.id), {"registry_id": rid})
    # Read again: a full name placed after its short form may have taken that entity in.
    return {
        row.id: row.registry_id
        for row in conn.execute(
            select(entities.c.id, entities.c.registry_id).where(entities.c.id.in_(ids))
        )
    }


# ---------------------------------------------------------------- counting


def _bump_statement(widen: bool):
    first_param, last_param = bindparam("first"), bindparam("last")
    values = {}
    if widen:
        values = {
            "first_seen": case(
                (
                    (entity_registry.c.first_seen.is_(None))
                    | (entity_registry.c.first_seen > first_param),
                    first_param,
                ),
                else_=entity_registry.c.first_seen,
            ),
            "last_seen": case(
                (
                    (entity_registry.c.last_seen.is_(None))
                    | (entity_registry.c.last_seen < last_param),
                    last_param,
                ),
                else_=entity_registry.c.last_seen,
            ),
        }
    return (
        update(entity_registry)
        .where(entity_registry.c.id == bindparam("rid"))
        .values(
            article_count=entity_registry.c.article_count + bindparam("articles"),
            mention_count=entity_registry.c.mention_count + bindparam("mentions"),
            **values,
        )
    )


# Built once: SQLAlchemy then compiles each once and reuses it (building a CASE expression
# per call cost more than running the statement).
_COUNT_IN = _bump_statement(widen=True)
# Counting out: first and last seen only widen; a reindex narrows them again.
_COUNT_OUT = _bump_statement(widen=False)
_ALIAS_OUT = (
    update(entity_aliases)
    .where(
        (entity_aliases.c.registry_id == bindparam("rid"))
        & (entity_aliases.c.alias == bindparam("surface"))
        & (entity_aliases.c.source == SEEN)
    )
    .values(mentions=entity_aliases.c.mentions + bindparam("delta"))
)
_ALIAS_IN: dict[str, object] = {}


def _alias_in(conn: Connection):
    """Add to a seen alias's mentions, making the alias if new (per dialect, built once)."""
    name = conn.dialect.name
    if name not in _ALIAS_IN:
        stmt = dialect_insert(conn, entity_aliases)
        _ALIAS_IN[name] = stmt.on_conflict_do_update(
            index_elements=["registry_id", "alias", "source"],
            set_={"mentions": entity_aliases.c.mentions + stmt.excluded.mentions},
        )
    return _ALIAS_IN[name]


Mentions = list[tuple[int, str]]  # (entities id, surface text) of one article


def upkeep(
    conn: Connection,
    mentions: Mentions,
    when: dt.datetime | None,
    sign: int = 1,
) -> None:
    """Count one article's mentions into the registry, or out of it (``sign=-1``, before
    the article is replaced)."""
    upkeep_many(conn, [(mentions, when)], sign)


def upkeep_many(
    conn: Connection, batch: list[tuple[Mentions, dt.datetime | None]], sign: int = 1
) -> set[int]:
    """Count several articles' mentions (each with its publication instant) into the
    registry, or out of it: one statement per table for the whole batch. Returns the
    entities that took another in while the names were placed (see ``place``)."""
    batch = [(mentions, when) for mentions, when in batch if mentions]
    if not batch:
        return set()
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    latest = max((when for _, when in batch if when is not None), default=None)
    merged: set[int] = set()
    registry_of = link(
        conn,
        (eid for mentions, _ in batch for eid, _ in mentions),
        latest if sign > 0 else None,
        merged,
    )
    n_articles: Counter[int] = Counter()
    n_mentions: Counter[int] = Counter()
    first: dict[int, dt.datetime] = {}
    last: dict[int, dt.datetime] = {}
    surfaces: Counter[tuple[int, str]] = Counter()
    for mentions, when in batch:
        seen = when or now
        rids = set()
        for eid, surface in mentions:
            rid = registry_of[eid]
            rids.add(rid)
            n_mentions[rid] += 1
            surfaces[(rid, surface)] += 1
        for rid in rids:
            n_articles[rid] += 1
            first[rid] = min(first.get(rid, seen), seen)
            last[rid] = max(last.get(rid, seen), seen)
    conn.execute(
        _COUNT_IN if sign > 0 else _COUNT_OUT,
        [
            {
                "rid": rid,
                "articles": sign * n_articles[rid],
                "mentions": sign * n_mentions[rid],
                "first": first[rid],
                "last": last[rid],
            }
            for rid in sorted(n_articles)
        ],
    )
    rows = [
        {"registry_id": rid, "alias": surface, "source": SEEN, "mentions": sign * n}
        for (rid, surface), n in sorted(surfaces.items())
    ]
    if sign > 0:
        conn.execute(_alias_in(conn), rows)
    else:
        conn.execute(
            _ALIAS_OUT,
            [{"rid": r["registry_id"], "surface": r["alias"], "delta": r["mentions"]} for r in rows],
        )
        conn.execute(delete(entity_aliases).where(entity_aliases.c.mentions <= 0,
                                                  entity_aliases.c.source == SEEN))
    # An entity that took another in while the names were placed was recounted then, before
    # this batch's names were filed under it, and counted again just above: count it once
    # from the stored mentions instead (this batch's are stored before upkeep runs).
    _recount_alive(conn, merged)
    return merged


def _recount_alive(conn: Connection, rids: set[int]) -> None:
    alive = conn.execute(
        select(entity_registry.c.id).where(entity_registry.c.id.in_(sorted(rids)))
    ).scalars().all()
    for rid in alive:
        recount(conn, rid)


def article_mentions(conn: Connection, pk: int) -> list[tuple[int, str]]:
    return [
        (row.entity_id, row.text)
        for row in conn.execute(
            select(entity_mentions.c.entity_id, entity_mentions.c.text).where(
                entity_mentions.c.article_pk == pk
            )
        )
    ]


def recount(conn: Connection, rid: int) -> None:
    """Counts, first/last seen and seen aliases of entity ``rid`` recomputed from its
    mentions (after a merge or a split moved names)."""
    mine = select(entities.c.id).where(entities.c.registry_id == rid)
    stats = conn.execute(
        select(
            func.count(entity_mentions.c.article_pk.distinct()).label("articles"),
            func.count().label("mentions"),
            func.min(func.coalesce(articles.c.published_at, articles.c.stored_at)).label("first"),
            func.max(func.coalesce(articles.c.published_at, articles.c.stored_at)).label("last"),
        )
        .select_from(entity_mentions.join(articles, articles.c.pk == entity_mentions.c.article_pk))
        .where(entity_mentions.c.entity_id.in_(mine))
    ).one()
    conn.execute(
        update(entity_registry).where(entity_registry.c.id == rid),
        {
            "article_count": stats.articles,
            "mention_count": stats.mentions,
            "first_seen": stats.first,
            "last_seen": stats.last,
        },
    )
    conn.execute(
        delete(entity_aliases).where(
            entity_aliases.c.registry_id == rid, entity_aliases.c.source == SEEN
        )
    )
    surfaces = conn.execute(
        select(entity_mentions.c.text, func.count().label("n"))
        .where(entity_mentions.c.entity_id.in_(mine))
        .group_by(entity_mentions.c.text)
    ).all()
    if surfaces:
        conn.execute(
            insert(entity_aliases),
            [{"registry_id": rid, "alias": s.text, "source": SEEN, "mentions": s.n}
             for s in surfaces],
        )


def refile(conn: Connection, rid: int) -> None:
    """Terms and Latin names of entity ``rid`` rebuilt from the names now filed under it."""
    label = conn.execute(
        select(entity_registry.c.label).where(entity_registry.c.id == rid)
    ).scalar_one()
    conn.execute(delete(entity_terms).where(entity_terms.c.registry_id == rid))
    conn.execute(
        delete(entity_aliases).where(
            entity_aliases.c.registry_id == rid, entity_aliases.c.source == LATIN
        )
    )
    names = conn.execute(
        select(entities.c.canonical).where(entities.c.registry_id == rid)
    ).scalars().all()
    own = conn.execute(
        select(entity_registry.c.name).where(entity_registry.c.id == rid)
    ).scalar_one()
    for name in sorted({own, *names}):
        _add_names(conn, rid, name, label)


def _drop(conn: Connection, rid: int) -> None:
    for table in (entity_terms, entity_aliases):
        conn.execute(delete(table).where(table.c.registry_id == rid))
    conn.execute(delete(entity_registry).where(entity_registry.c.id == rid))


def merge_into(conn: Connection, src: int, dst: int) -> None:
    """Every name of entity ``src`` becomes a name of ``dst``; ``src`` is gone."""
    if src == dst:
        return
    conn.execute(update(entities).where(entities.c.registry_id == src), {"registry_id": dst})
    _drop(conn, src)
    recount(conn, dst)
    refile(conn, dst)


# ---------------------------------------------------------------- corrections


def _keys_of(conn: Connection, rid: int) -> set[str]:
    names = conn.execute(
        select(entities.c.canonical).where(entities.c.registry_id == rid)
    ).scalars().all()
    own = conn.execute(select(entity_registry.c.key).where(entity_registry.c.id == rid)).scalar()
    return {entity_key(n) or n for n in names} | ({own} if own else set())


def _correct(conn: Connection, key: str, label: str, target_key: str) -> None:
    stmt = dialect_insert(conn, entity_corrections)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=["key", "label"],
            set_={"target_key": stmt.excluded.target_key, "made_at": stmt.excluded.made_at},
        ),
        {"key": key, "label": label, "target_key": target_key, "made_at": now},
    )


def merge(conn: Connection, src: int, dst: int) -> None:
    """A user's merge: ``src`` into ``dst``, remembered by name for later articles and
    reindexing."""
    src_row = conn.execute(select(entity_registry).where(entity_registry.c.id == src)).one()
    dst_row = conn.execute(select(entity_registry).where(entity_registry.c.id == dst)).one()
    if src_row.label != dst_row.label:
        raise ValueError(
            f"{src_row.name} is {src_row.label} and {dst_row.name} is {dst_row.label}: "
            "only entities of one label merge"
        )
    for key in sorted(_keys_of(conn, src)):
        _correct(conn, key, src_row.label, dst_row.key)
    merge_into(conn, src, dst)


def split(conn: Connection, rid: int, alias: str) -> int:
    """A user's split: the names of entity ``rid`` that fold to ``alias`` become an entity
    of their own, and stay one. Returns its id."""
    row = conn.execute(select(entity_registry).where(entity_registry.c.id == rid)).one()
    key = entity_key(alias) or alias.strip()
    if key == row.key:
        raise ValueError(f"{alias!r} is the name of {row.name!r} itself; split off another alias")
    moving = [
        r.id
        for r in conn.execute(
            select(entities.c.id, entities.c.canonical).where(entities.c.registry_id == rid)
        )
        if (entity_key(r.canonical) or r.canonical) == key
    ]
    if not moving:
        raise LookupError(
            f"no name of {row.name!r} folds to {alias!r}; its names are the aliases "
            "'entities show' lists as names"
        )
    _correct(conn, key, row.label, key)
    new = _create(conn, alias.strip(), key, row.label)
    conn.execute(update(entities).where(entities.c.id.in_(moving)), {"registry_id": new})
    for changed in (rid, new):
        recount(conn, changed)
        refile(conn, changed)
    return new


# ---------------------------------------------------------------- rebuilding


def rebuild(
    conn: Connection, batch: int = 500, progress: Callable[[int, int], None] | None = None
) -> int:
    """The whole registry made again from the stored mentions, articles in publication
    order, corrections applied; returns the number of articles read."""
    conn.execute(update(entities).values(registry_id=None))
    for table in (entity_terms, entity_aliases, entity_registry):
        conn.execute(delete(table))
    total = conn.execute(select(func.count()).select_from(articles)).scalar_one()
    order = (articles.c.published_at.is_(None), articles.c.published_at, articles.c.pk)
    done, last = 0, None
    merged: set[int] = set()
    keys = select(articles.c.pk, articles.c.published_at, articles.c.stored_at).order_by(*order)
    pages = conn.execute(keys).all()  # (pk, dates) of every article: small beside the mentions
    while done < len(pages):
        chunk = pages[done : done + batch]
        by_article: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for row in conn.execute(
            select(entity_mentions.c.article_pk, entity_mentions.c.entity_id, entity_mentions.c.text)
            .where(entity_mentions.c.article_pk.in_([p.pk for p in chunk]))
            .order_by(entity_mentions.c.id)
        ):
            by_article[row.article_pk].append((row.entity_id, row.text))
        merged |= upkeep_many(
            conn, [(by_article.get(p.pk, []), p.published_at or p.stored_at) for p in chunk]
        )
        done += len(chunk)
        last = done
        if progress is not None:
            progress(done, total)
    # A merge recounted its entity from every stored mention, later articles' too, which
    # the batches after it counted again: count those entities once more from scratch.
    _recount_alive(conn, merged)
    return last or 0

"""The network of ``neural`` in JAX: forward pass, CRF log-likelihood, Adam.

Kept apart so that importing ``neural`` (vocabulary, encoding, decoding) needs no JAX.
"""

from __future__ import annotations

import time

import jax
import jax.numpy as jnp
import numpy as np

from .neural import FIXED, WINDOW, Config, batches


def _char_features(p, chars):
    emb = p["char_emb"][chars]  # [b, n, c, d]
    padded = jnp.pad(emb, ((0, 0), (0, 0), (1, 1), (0, 0)))
    windows = jnp.concatenate([padded[:, :, :-2], padded[:, :, 1:-1], padded[:, :, 2:]], -1)
    conv = jnp.tanh(windows @ p["char_conv"] + p["char_bias"])
    # max over the word's letters only; an empty word (padding) reads -1 everywhere
    return jnp.max(jnp.where((chars > 0)[..., None], conv, -1.0), axis=2)


def _lstm(w, b, x, mask, hidden):
    def step(carry, inputs):
        h, c = carry
        xt, mt = inputs
        z = jnp.concatenate([xt, h], -1) @ w + b
        i, f, g, o = jnp.split(z, 4, -1)
        c2 = jax.nn.sigmoid(f) * c + jax.nn.sigmoid(i) * jnp.tanh(g)
        h2 = jax.nn.sigmoid(o) * jnp.tanh(c2)
        mt = mt[:, None]  # padding keeps the state
        return (mt * h2 + (1 - mt) * h, mt * c2 + (1 - mt) * c), h2

    h0 = jnp.zeros((x.shape[0], hidden))
    _, hs = jax.lax.scan(step, (h0, h0), (jnp.swapaxes(x, 0, 1), jnp.swapaxes(mask, 0, 1)))
    return jnp.swapaxes(hs, 0, 1)


def _reversal(mask):
    """Per sentence, the index that reverses its tokens and leaves padding in place (its
    own inverse)."""
    n = mask.sum(1).astype(jnp.int32)[:, None]
    t = jnp.arange(mask.shape[1])[None, :]
    return jnp.where(t < n, n - 1 - t, t)


def emissions(p, b, config: Config, key):
    """Emission scores [batch, token, tag]; dropout when ``key`` is given."""
    x = jnp.concatenate(
        [
            p["word_vectors"][b["words"]],
            p["stem_vectors"][b["stems"]],
            _char_features(p, b["chars"]),
            b["gaz"],
        ],
        -1,
    )
    mask = b["mask"]
    k1 = k2 = None
    if key is not None:
        k1, k2 = jax.random.split(key)
        x = x * jax.random.bernoulli(k1, 1 - config.dropout, x.shape) / (1 - config.dropout)
    if config.arch == "window":
        x = x * mask[..., None]
        padded = jnp.pad(x, ((0, 0), (WINDOW, WINDOW), (0, 0)))
        n = x.shape[1]
        windows = jnp.concatenate([padded[:, i : i + n] for i in range(2 * WINDOW + 1)], -1)
        h = jnp.tanh(windows @ p["window"] + p["window_bias"])
    else:
        fwd = _lstm(p["fwd"], p["fwd_bias"], x, mask, config.hidden)
        rev = _reversal(mask)[..., None]
        xr = jnp.take_along_axis(x, rev, 1)
        bwd = jnp.take_along_axis(_lstm(p["bwd"], p["bwd_bias"], xr, mask, config.hidden), rev, 1)
        h = jnp.concatenate([fwd, bwd], -1)
    if key is not None:
        h = h * jax.random.bernoulli(k2, 1 - config.dropout, h.shape) / (1 - config.dropout)
    return h @ p["out"] + p["out_bias"]


def crf_nll(p, e, tags, mask):
    """Negative log-likelihood of the gold ``tags`` summed over the batch."""
    tr = p["transitions"]
    first = p["start"][tags[:, 0]] + jnp.take_along_axis(e[:, 0], tags[:, :1], 1)[:, 0]
    own = jnp.take_along_axis(e, tags[..., None], 2)[..., 0]
    moves = tr[tags[:, :-1], tags[:, 1:]]
    n = mask.sum(1).astype(jnp.int32)
    last = jnp.take_along_axis(tags, (n - 1)[:, None], 1)[:, 0]
    gold = first + ((own[:, 1:] + moves) * mask[:, 1:]).sum(1) + p["end"][last]

    def step(alpha, inputs):
        et, mt = inputs
        nxt = jax.nn.logsumexp(alpha[:, :, None] + tr[None], axis=1) + et
        return mt[:, None] * nxt + (1 - mt[:, None]) * alpha, None

    alpha, _ = jax.lax.scan(
        step, p["start"] + e[:, 0], (jnp.swapaxes(e[:, 1:], 0, 1), jnp.swapaxes(mask[:, 1:], 0, 1))
    )
    return (jax.nn.logsumexp(alpha + p["end"], -1) - gold).sum()


def fit(params: dict[str, np.ndarray], data, config: Config, log=None) -> dict[str, np.ndarray]:
    """Adam on the CRF log-likelihood, ``config.epochs`` passes, learning rate decayed per
    epoch, gradients clipped per value; the word and stem vectors stay fixed."""
    fixed = {k: jnp.asarray(params[k]) for k in FIXED}
    train_p = {k: jnp.asarray(v) for k, v in params.items() if k not in FIXED}

    def loss(tp, b, key):
        p = {**tp, **fixed}
        e = emissions(p, b, config, key)
        return crf_nll(p, e, b["tags"], b["mask"]) / b["words"].shape[0]

    grad = jax.jit(jax.value_and_grad(loss))
    b1, b2 = 0.9, 0.999

    @jax.jit
    def adam(tp, g, m, v, t, lr):
        g = jax.tree_util.tree_map(lambda x: jnp.clip(x, -5.0, 5.0), g)
        m = jax.tree_util.tree_map(lambda a, x: b1 * a + (1 - b1) * x, m, g)
        v = jax.tree_util.tree_map(lambda a, x: b2 * a + (1 - b2) * x * x, v, g)

        def update(x, a, s):
            return x - lr * (a / (1 - b1**t)) / (jnp.sqrt(s / (1 - b2**t)) + 1e-8)

        return jax.tree_util.tree_map(update, tp, m, v), m, v

    m = jax.tree_util.tree_map(jnp.zeros_like, train_p)
    v = jax.tree_util.tree_map(jnp.zeros_like, train_p)
    rng = np.random.RandomState(config.seed)
    key = jax.random.PRNGKey(config.seed)
    step = 0
    for epoch in range(config.epochs):
        t0, total = time.time(), 0.0
        for _, b in batches(data, config.batch, rng):
            key, sub = jax.random.split(key)
            drop = (rng.rand(*b["words"].shape) < config.word_dropout) & (b["words"] > 1)
            b["words"] = np.where(drop, 1, b["words"])
            value, g = grad(train_p, b, sub)
            step += 1
            lr = config.lr / (1 + 0.05 * epoch)
            train_p, m, v = adam(train_p, g, m, v, step, lr)
            total += float(value)
        if log:
            log(f"epoch {epoch}: loss {total:.0f} ({time.time() - t0:.0f}s)")
    return {**{k: np.asarray(x) for k, x in train_p.items()}, **params_fixed(params)}


def params_fixed(params):
    return {k: params[k] for k in FIXED}

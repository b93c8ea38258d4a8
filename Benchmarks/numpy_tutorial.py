"""The tutorial's workload in NumPy, for mnist-bench to compare against side by side.

Softmax regression on MNIST exactly as the tutorial trains it: 1000 steps of
next_batch(100) (TensorFlow 1.x semantics: each epoch reshuffles with a copy, as
input_data does), gradient descent at 0.5 on the mean cross-entropy, then accuracy on
the 10,000 test images. The gradient is written by hand. Prints one JSON object with
the phase timings in seconds.

usage: python3 numpy_tutorial.py DATA_DIR
"""
import gzip
import json
import os
import resource
import sys
import time

t_start = time.perf_counter()
import numpy as np  # noqa: E402

t_import = time.perf_counter() - t_start


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic = int.from_bytes(data[0:4], "big")
    ndim = magic & 0xFF
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def main(data_dir):
    t0 = time.perf_counter()
    train_images = read_idx(os.path.join(data_dir, "train-images-idx3-ubyte.gz"))
    train_labels = read_idx(os.path.join(data_dir, "train-labels-idx1-ubyte.gz"))
    test_images = read_idx(os.path.join(data_dir, "t10k-images-idx3-ubyte.gz"))
    test_labels = read_idx(os.path.join(data_dir, "t10k-labels-idx1-ubyte.gz"))
    x_train = train_images[5000:].reshape(-1, 784).astype(np.float32) * (1.0 / 255.0)
    y_train = np.eye(10, dtype=np.float32)[train_labels[5000:]]
    x_test = test_images.reshape(-1, 784).astype(np.float32) * (1.0 / 255.0)
    y_test = np.eye(10, dtype=np.float32)[test_labels]
    t_read = time.perf_counter() - t0

    rng = np.random.RandomState(0)
    n = x_train.shape[0]
    state = {"index": n, "images": x_train, "labels": y_train}

    def next_batch(batch_size):
        start = state["index"]
        if start + batch_size > n:
            perm = rng.permutation(n)
            state["images"] = x_train[perm]   # the copy TF's DataSet makes per epoch
            state["labels"] = y_train[perm]
            start = 0
        state["index"] = start + batch_size
        return state["images"][start:start + batch_size], state["labels"][start:start + batch_size]

    W = np.zeros((784, 10), dtype=np.float32)
    b = np.zeros(10, dtype=np.float32)
    lr = np.float32(0.5)

    def step(xs, ys):
        logits = xs @ W + b
        logits -= logits.max(axis=1, keepdims=True)
        e = np.exp(logits)
        p = e / e.sum(axis=1, keepdims=True)
        g = (p - ys) / np.float32(xs.shape[0])
        W[...] -= lr * (xs.T @ g)
        b[...] -= lr * g.sum(axis=0)

    t0 = time.perf_counter()
    for _ in range(1000):
        xs, ys = next_batch(100)
        step(xs, ys)
    t_train = time.perf_counter() - t0

    evals = []
    for _ in range(5):
        t0 = time.perf_counter()
        acc = float(np.mean(np.argmax(x_test @ W + b, 1) == np.argmax(y_test, 1)))
        evals.append(time.perf_counter() - t0)
    evals.sort()

    # One steady step, timed on copies so the trained model is left as it was.
    W_trained, b_trained = W.copy(), b.copy()
    xs, ys = next_batch(100)
    reps = 2000
    t0 = time.perf_counter()
    for _ in range(reps):
        step(xs, ys)
    t_step = (time.perf_counter() - t0) / reps
    W[...], b[...] = W_trained, b_trained
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({
        "import": t_import, "read": t_read, "train1000": t_train, "step": t_step,
        "eval": evals[len(evals) // 2], "accuracy": acc, "peak_rss_mib": peak_kib / 1024.0,
        "total": time.perf_counter() - t_start,
    }))


if __name__ == "__main__":
    main(sys.argv[1])

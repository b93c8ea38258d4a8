extension ScriptExport {
  /// Python source of a stand-in for `tensorflow.examples.tutorials.mnist.input_data`, which
  /// TensorFlow 2 no longer ships. It defines `_input_data` with `read_data_sets` and `DataSet`
  /// behaving like TensorFlow 1.x's (float32 pixels scaled to [0, 1], optional one-hot float
  /// labels, 55000/5000/10000 split, `next_batch` shuffling every epoch), reading the four
  /// IDX `.gz` files with gzip and NumPy. It downloads nothing.
  public static let inputDataStandIn = #"""
    # ---------------------------------------------------------------------------------------
    # A stand-in for tensorflow.examples.tutorials.mnist.input_data, which TensorFlow 2 no
    # longer ships. It reads the four MNIST .gz files from the folder given to read_data_sets
    # (mnist-shell put them there) with gzip and NumPy, and downloads nothing.
    import gzip as _gzip
    import os as _os
    import types as _types
    import numpy as _np

    _MNIST_FILES = ('train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz',
                    't10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz')


    def _mnist_path(train_dir, name):
        """The file in train_dir, also looked up next to this script."""
        candidates = [_os.path.join(train_dir, name)]
        if not _os.path.isabs(train_dir) and '__file__' in globals():
            here = _os.path.dirname(_os.path.abspath(__file__))
            candidates.append(_os.path.join(here, train_dir, name))
        for path in candidates:
            if _os.path.exists(path):
                return path
        raise FileNotFoundError(
            'MNIST file %s not found in %s. This stand-in downloads nothing: run '
            'read_data_sets in mnist-shell once, or copy the four files %s there.'
            % (name, train_dir, ', '.join(_MNIST_FILES)))


    def _read_idx(path, magic):
        """The array in a gzipped IDX file whose magic number must be `magic`."""
        with _gzip.open(path, 'rb') as f:
            found = int.from_bytes(f.read(4), 'big')
            if found != magic:
                raise ValueError('Invalid magic number %d in MNIST file: %s' % (found, path))
            dims = [int.from_bytes(f.read(4), 'big') for _ in range(magic & 0xff)]
            data = _np.frombuffer(f.read(), dtype=_np.uint8)
        if data.size != int(_np.prod(dims)):
            raise ValueError('MNIST file %s is truncated' % path)
        return data.reshape(dims)


    class _DataSet(object):
        """One split of MNIST: images, labels and next_batch, as in TensorFlow 1.x."""

        def __init__(self, images, labels, dtype=_np.float32, reshape=True):
            dtype = _np.dtype(getattr(dtype, 'as_numpy_dtype', dtype))
            if dtype not in (_np.dtype(_np.uint8), _np.dtype(_np.float32)):
                raise TypeError('Invalid image dtype %r, expected uint8 or float32' % dtype)
            assert images.shape[0] == labels.shape[0], (
                'images.shape: %s labels.shape: %s' % (images.shape, labels.shape))
            self._num_examples = images.shape[0]
            if reshape:
                images = images.reshape(images.shape[0], int(_np.prod(images.shape[1:])))
            if dtype == _np.float32:
                images = _np.multiply(images.astype(_np.float32), 1.0 / 255.0)
            self._images = images
            self._labels = labels
            self._epochs_completed = 0
            self._index_in_epoch = 0

        images = property(lambda self: self._images)
        labels = property(lambda self: self._labels)
        num_examples = property(lambda self: self._num_examples)
        epochs_completed = property(lambda self: self._epochs_completed)

        def _shuffle(self):
            perm = _np.arange(self._num_examples)
            _np.random.shuffle(perm)
            self._images = self._images[perm]
            self._labels = self._labels[perm]

        def next_batch(self, batch_size, fake_data=False, shuffle=True):
            """The next batch_size examples; reshuffles at the start of every epoch."""
            start = self._index_in_epoch
            if self._epochs_completed == 0 and start == 0 and shuffle:
                self._shuffle()
            if start + batch_size > self._num_examples:
                self._epochs_completed += 1
                rest = self._num_examples - start
                images_rest = self._images[start:self._num_examples]
                labels_rest = self._labels[start:self._num_examples]
                if shuffle:
                    self._shuffle()
                self._index_in_epoch = batch_size - rest
                end = self._index_in_epoch
                return (_np.concatenate((images_rest, self._images[0:end]), axis=0),
                        _np.concatenate((labels_rest, self._labels[0:end]), axis=0))
            self._index_in_epoch += batch_size
            end = self._index_in_epoch
            return self._images[start:end], self._labels[start:end]


    def _read_data_sets(train_dir, fake_data=False, one_hot=False, dtype=_np.float32,
                        reshape=True, validation_size=5000, seed=None, source_url=None):
        """MNIST's train, validation and test splits from the .gz files in train_dir."""
        if fake_data:
            raise NotImplementedError('fake_data is not supported by this stand-in')
        if seed is not None:
            _np.random.seed(seed)

        def images(name):
            path = _mnist_path(train_dir, name)
            print('Extracting', _os.path.join(train_dir, name))
            raw = _read_idx(path, 2051)
            return raw.reshape(raw.shape[0], raw.shape[1], raw.shape[2], 1)

        def labels(name):
            path = _mnist_path(train_dir, name)
            print('Extracting', _os.path.join(train_dir, name))
            dense = _read_idx(path, 2049)
            if not one_hot:
                return dense
            result = _np.zeros((dense.shape[0], 10))
            result[_np.arange(dense.shape[0]), dense] = 1
            return result

        train_images = images(_MNIST_FILES[0])
        train_labels = labels(_MNIST_FILES[1])
        test_images = images(_MNIST_FILES[2])
        test_labels = labels(_MNIST_FILES[3])
        if not 0 <= validation_size <= len(train_images):
            raise ValueError('Validation size should be between 0 and %d. Received: %d.'
                             % (len(train_images), validation_size))
        validation = _DataSet(train_images[:validation_size], train_labels[:validation_size], dtype, reshape)
        train = _DataSet(train_images[validation_size:], train_labels[validation_size:], dtype, reshape)
        test = _DataSet(test_images, test_labels, dtype, reshape)
        return _types.SimpleNamespace(train=train, validation=validation, test=test)


    _input_data = _types.SimpleNamespace(read_data_sets=_read_data_sets, DataSet=_DataSet)
    # ---------------------------------------------------------------------------------------

    """#
}

// Generated from the top-level Lessons/ folder: do not edit by hand.
// Regenerate with: LESSONKIT_REGENERATE=1 swift test --filter EmbeddedLessonsTests
// (a test fails whenever this file and Lessons/ disagree).

/// The lessons of the repository's `Lessons/` folder, compiled into the binary so an
/// installed `mnist-shell` needs no files beside it.
public enum EmbeddedLessons {
  /// File name → contents, ready for ``LessonCatalogue/init(files:)``.
  public static let files: [String: String] = [
    "01-welcome.md": #"""
---
id: welcome
title: Welcome to mnist-shell
---

Over the next fourteen short lessons you will build, one statement at a
time, a program that reads handwritten digits, and you will see what each
of those statements does. Everything happens right here at the prompt.

How the shell works:

- Type Python at the `>>> ` prompt and press Enter. A block, such as a
  `for` loop, continues on `... ` lines; an empty line ends it.
- A line that starts with a colon is a command for the shell, not Python.
  `:help` lists them all.
- Every lesson is a handful of steps. After each statement you type, the
  lesson looks at your session and tells you when the step is done.
- Stuck? `:hint` gives a nudge, and a stronger one each time you ask.
  `:solution` shows what to type, and `:run` types it for you.
- `:next` and `:back` move through the steps, `:lessons` lists the lessons,
  and your progress is remembered when you quit.

## Step: Ask the shell for help

Shell commands begin with a colon. Ask for the list of them:

```
:help
```

```check
ran :help
```

Hint: Shell commands start with `:`.
Hint: Type `:help` and press Enter.

## Step: Python at the prompt

The prompt runs Python. Store a number in a name:

```type
answer = 6 * 7
```

Typing just `answer` afterwards shows its value.

```check
value $answer == 42
```

Hint: A name is bound with `=`, as in `name = value`.
Hint: Type `answer = 6 * 7`.
"""#,
    "02-data.md": #"""
---
id: data
title: The MNIST digits
---

MNIST is a famous collection of 70,000 small scanned digits, each written
by hand and each labelled with the digit it shows. It is the first thing
most people try when they learn machine learning: a model looks at the
pixels and has to say which digit it sees.

## Step: Import the loader

TensorFlow's tutorials come with a little module that fetches and unpacks
the digits. Import it:

```type
from tensorflow.examples.tutorials.mnist import input_data
```

```check
module input_data input_data
```

Hint: This is a `from ... import ...` statement.
Hint: The module is `input_data`, inside `tensorflow.examples.tutorials.mnist`.

## Step: Load the data

Now read the data set into a name, `mnist`. The folder is where the files
are kept; `one_hot=True` asks for the labels in a form explained below.

```type
mnist = input_data.read_data_sets("MNIST_data/", one_hot=True)
```

```check
dataset mnist one_hot
```

Hint: Call `input_data.read_data_sets` with a folder name.
Hint: Don't forget `one_hot=True`.
Hint: `mnist = input_data.read_data_sets("MNIST_data/", one_hot=True)`

## Step: Three separate piles

The digits come in three piles that never share an image:

- `mnist.train`: 55,000 images the model learns from,
- `mnist.validation`: 5,000 images for checking choices along the way,
- `mnist.test`: 10,000 images kept aside for the final score.

Why keep them apart? A model can memorise the pictures it trained on. To
know whether it learned something real, we must grade it on handwriting
it has never seen, just as an exam uses new questions.

Each image is a square of 28 by 28 grey pixels. Laid out row after row,
that is one list of 784 numbers between 0 (paper) and 1 (ink). Ask for the
shape of the training images:

```type
mnist.train.images.shape
```

```check
value $mnist.train.images.shape[1] == 784
```

Hint: Arrays have a `.shape`.
Hint: Type `mnist.train.images.shape`.

## Step: Look at a digit

Numbers are hard to read as a picture, so the shell can draw one. Show
the first training image with its label:

```
:digit train 0
```

Unrolling the square into a row forgets which pixels were neighbours.
Better models use that layout; the simple one we build here does not need
it.

```check
ran :digit
```

Hint: The command is `:digit`, followed by a pile and a position.
Hint: Type `:digit train 0`.

## Step: One-hot labels

Each label is stored as ten numbers: all zeros except a single 1 at the
position of the digit. A 7 is `[0, 0, 0, 0, 0, 0, 0, 1, 0, 0]`. This is
called one-hot, and it lines up with the ten answers our model will give.
Look at the first label:

```type
mnist.train.labels[0]
```

So `mnist.train.labels` is an array of shape [55000, 10].

```check
value $mnist.train.labels.shape[1] == 10
```

Hint: Index the labels array like a list.
Hint: Type `mnist.train.labels[0]`.
"""#,
    "03-softmax.md": #"""
---
id: softmax
title: Softmax regression, on paper
---

For every image, our model will produce ten probabilities, one per digit,
summing to 1. It gets there in two stages.

First it collects evidence. For each digit, every pixel votes: the pixel's
ink times a weight. A positive weight means ink there speaks for that
digit; a negative weight means it speaks against. A bias is added too: a
head start for a digit before any pixel is looked at. For digit `i`:

```
evidence[i] = sum over pixels j of  W[j, i] * x[j]  +  b[i]
```

Then softmax turns the ten evidence scores into probabilities: raise `e`
(about 2.718) to the power of each score, then divide each result by
their total. Exponentiating keeps every value above zero, and each extra
unit of evidence multiplies a digit's share by `e`; dividing by the total
makes the shares add up to 1.

Let's do it by hand for three classes with evidence 1, 2 and 3. The powers
of `e` are already worked out for you: 2.718, 7.389 and 20.086.

## Step: The total

Add up the three exponentials:

```type
total = 2.718 + 7.389 + 20.086
```

```check
value $total == 30.193
```

Hint: Add the three numbers 2.718, 7.389 and 20.086.
Hint: `total = 2.718 + 7.389 + 20.086`

## Step: The probabilities

Divide each one by the total:

```type
probs = [2.718 / total, 7.389 / total, 20.086 / total]
```

Type `probs` to see them: about 0.09, 0.245 and 0.665. The largest score
gets by far the largest share, yet no class drops to zero, and together
they make exactly 1 (check with `sum(probs)`).

```check
value sum($probs) == 1
```

Hint: Make a list of three divisions.
Hint: `probs = [2.718 / total, 7.389 / total, 20.086 / total]`

## Step: All at once

For MNIST there are 784 pixels and ten digits, so the evidence is ten
weighted sums of 784 terms each. Written with matrices, all of them come
from one product: the row of pixels `x` times a 784-by-10 weight matrix
`W`, plus a row of ten biases `b`, and softmax applied to the result:

```
y = softmax(x W + b)
```

With a whole batch of images as the rows of `x`, the same formula scores
every image at once. That is the line we will write in TensorFlow.
"""#,
    "04-placeholder.md": #"""
---
id: placeholder
title: TensorFlow and the input placeholder
---

Python is slow at arithmetic on big arrays, and even fast libraries lose
time hopping back into Python between operations. TensorFlow avoids this
by letting you first describe the whole computation as a graph of
operations; it then runs that graph on its own, outside Python.

So most statements from here on build part of a graph rather than compute
numbers straight away.

## Step: Import TensorFlow

```type
import tensorflow as tf
```

```check
module tf tensorflow
```

Hint: Import the `tensorflow` module under the short name `tf`.
Hint: `import tensorflow as tf`

## Step: A slot for the images

The images are an input: we'll supply them each time the graph runs. An
input is a placeholder, given a type and a shape:

```type
x = tf.placeholder(tf.float32, [None, 784])
```

`tf.float32` says the values are 32-bit floating-point numbers. Each row
holds one flattened image of 784 pixels, and `None` leaves the number of
rows open: we can feed one image, a batch of 100, or all 10,000 test
images through the same graph. Type `x` to see it: it has a shape
`(?, 784)` but no values.

```check
placeholder x float32 [None, 784]
```

Hint: A placeholder is made with `tf.placeholder(dtype, shape)`.
Hint: The type is `tf.float32`; the shape is a list starting with `None`.
Hint: `x = tf.placeholder(tf.float32, [None, 784])`
"""#,
    "05-variables.md": #"""
---
id: variables
title: Weights and biases as variables
---

The weights and biases are not inputs: the model owns them and training
will change them. TensorFlow keeps such values in a `Variable`, which
lives inside the graph, can be read by any operation and can be updated
by training. Model parameters are nearly always variables.

A variable is created from its starting value.

## Step: The weights

One row per pixel and one column per digit: `W[j, i]` says how much ink
at pixel `j` counts for digit `i`.

```type
W = tf.Variable(tf.zeros([784, 10]))
```

```check
variable W float32 [784, 10]
```

Hint: Wrap a tensor of zeros in `tf.Variable`.
Hint: `tf.zeros([784, 10])` gives the starting value.
Hint: `W = tf.Variable(tf.zeros([784, 10]))`

## Step: The biases

One bias per digit:

```type
b = tf.Variable(tf.zeros([10]))
```

Starting from zeros is fine here: training moves every weight from its
first step, because each one gets its own gradient from the pixels and
labels. (Networks with hidden layers need random starting values instead,
otherwise their hidden units stay identical.) Note that neither variable
holds a value yet; that happens in lesson 9.

```check
variable b float32 [10]
```

Hint: Like `W`, but a single row of ten zeros.
Hint: `b = tf.Variable(tf.zeros([10]))`
"""#,
    "06-model.md": #"""
---
id: model
title: The model in one line
---

Everything from the paper version in lesson 3 now fits in one statement.

## Step: Define y

```type
y = tf.nn.softmax(tf.matmul(x, W) + b)
```

Follow the shapes:

- `tf.matmul(x, W)`: [None, 784] times [784, 10] gives [None, 10], ten
  evidence scores for each image.
- `+ b`: the ten biases are added to every row (this is called
  broadcasting).
- `tf.nn.softmax(...)`: each row becomes ten probabilities.

On paper we wrote the weights first; here `x` comes first because each
image is a row of `x`, so the product handles a whole batch at once.

```check
tensor y float32 [None, 10] uses x W b via MatMul Add
```

Hint: Multiply `x` by `W` with `tf.matmul`, then add `b`.
Hint: Wrap the sum in `tf.nn.softmax`.
Hint: `y = tf.nn.softmax(tf.matmul(x, W) + b)`

## Step: See the graph

Type `y` and you get a tensor with a shape, not numbers: nothing has run
yet. Look at the operations it is made of:

```
:graph y
```

```check
ran :graph
```

Hint: The command is `:graph` followed by a name.
Hint: Type `:graph y`.
"""#,
    "07-loss.md": #"""
---
id: loss
title: Measuring mistakes: cross-entropy
---

To improve, the model needs a number that says how wrong it is. That
number is the loss (also called the cost), and training is the search for
weights that make it small.

We use cross-entropy. With `y` the predicted probabilities and `y'` the
true one-hot label, it is

```
H(y', y) = - sum over i of  y'[i] * log(y[i])
```

Because `y'` is zero except at the true digit, only one term is left:
minus the log of the probability the model gave to the right answer. If
it gave that answer probability 1, the loss is 0; the less it believed in
the truth, the bigger the loss. The idea comes from information theory:
it is the average number of bits a message costs when its code was built
for the predicted distribution instead of the true one.

## Step: A slot for the right answers

The true labels are another input, ten numbers per image:

```type
y_ = tf.placeholder(tf.float32, [None, 10])
```

```check
placeholder y_ float32 [None, 10]
```

Hint: It is a placeholder like `x`, with one row of ten per image.
Hint: `y_ = tf.placeholder(tf.float32, [None, 10])`

## Step: The cross-entropy

```type
cross_entropy = tf.reduce_mean(-tf.reduce_sum(y_ * tf.log(y), reduction_indices=[1]))
```

Read it from the inside out:

- `tf.log(y)`: the log of every probability.
- `y_ * ...`: multiplied element by element by the label, which keeps
  only the true digit's term.
- `tf.reduce_sum(..., reduction_indices=[1])`: the sum along each row,
  one number per image; the minus sign makes it positive.
- `tf.reduce_mean(...)`: the average over the images in the batch, a
  single number.

```check
tensor cross_entropy float32 [] uses y y_ via Log Mul Sum | SoftmaxCrossEntropyWithLogits
```

Hint: Start from `tf.log(y)` and multiply it by `y_`.
Hint: Sum each row with `reduction_indices=[1]`, negate, then average with `tf.reduce_mean`.
Hint: `cross_entropy = tf.reduce_mean(-tf.reduce_sum(y_ * tf.log(y), reduction_indices=[1]))`

## Step: A safer formula

This formula is the textbook one, but it can break: when a probability
rounds to exactly 0, its log is minus infinity, and the loss turns into
`inf` or `nan`. TensorFlow has one operation that takes the raw evidence
(the logits, before softmax) and computes softmax and cross-entropy
together without that trap:

```
logits = tf.matmul(x, W) + b
cross_entropy = tf.reduce_mean(
    tf.nn.softmax_cross_entropy_with_logits(labels=y_, logits=logits))
```

In your own programs, prefer it. We keep the plain formula so that each
piece stays visible, and lesson 14 shows the trap in action. (Both forms
pass the check of the previous step.)
"""#,
    "08-training.md": #"""
---
id: training
title: Gradient descent
---

TensorFlow knows the whole graph between the variables and the loss, so
it can work out, for every weight, in which direction a small change
lowers the loss: this bookkeeping is called backpropagation. An optimizer
then nudges every variable a little in that direction. Repeating this is
gradient descent: walking downhill on the loss.

## Step: The training operation

```type
train_step = tf.train.GradientDescentOptimizer(0.5).minimize(cross_entropy)
```

`0.5` is the learning rate, the size of each nudge: too small and
learning crawls, too big and it overshoots. Other optimizers live in
`tf.train` too; trying one means changing only this line.

```check
operation train_step minimizes cross_entropy
```

Hint: The optimizer is `tf.train.GradientDescentOptimizer`, with a learning rate of 0.5.
Hint: Call its `.minimize(...)` with the loss.
Hint: `train_step = tf.train.GradientDescentOptimizer(0.5).minimize(cross_entropy)`

## Step: What minimize added

`minimize` did not train anything yet. It added new operations to the
graph: ones that compute the gradients, and ones that update `W` and `b`.
`train_step` is a single operation that performs one update whenever it
runs. See them:

```
:graph train_step
```

```check
ran :graph
```

Hint: Use the `:graph` command on the training operation.
Hint: Type `:graph train_step`.
"""#,
    "09-session.md": #"""
---
id: session
title: Running the graph: sessions
---

Everything so far was a description. To compute anything, the graph is
launched in a session, which holds the current values of the variables.

## Step: Open a session

```type
sess = tf.InteractiveSession()
```

An interactive session makes itself the default one, so that `op.run()`
and `tensor.eval()` work without naming it. In a script you would
usually write `sess = tf.Session()` and pass everything to `sess.run`.

```check
session sess
```

Hint: The class is `tf.InteractiveSession`.
Hint: `sess = tf.InteractiveSession()`

## Step: Give the variables their values

Variables get their starting values only when an initializing operation
runs in the session:

```type
tf.global_variables_initializer().run()
```

With a plain session, `sess.run(tf.global_variables_initializer())` does
the same.

```check
initialized W b
```

Hint: `tf.global_variables_initializer()` makes the operation; it still has to run.
Hint: `tf.global_variables_initializer().run()`

## Step: Softmax for real

Now graphs can be run. Here is the paper example from lesson 3 again,
computed by TensorFlow:

```type
sess.run(tf.nn.softmax([1.0, 2.0, 3.0]))
```

You should see the same three probabilities as before. And since the
weights are all zero, the model's `y` gives every digit 0.1 for any image
at this point: `sess.run(y, feed_dict={x: mnist.test.images[0:1]})`.

Replay: no
"""#,
    "10-train-loop.md": #"""
---
id: train-loop
title: Training
---

Each training step takes a small random batch of 100 training images,
computes the loss on them and nudges the variables. Using a fresh little
batch each time is called stochastic gradient descent: each step is far
cheaper than using all 55,000 images, and over many steps it learns
nearly as well.

## Step: Run a thousand steps

Type the loop; the second and third lines are indented, and an empty
line ends the block:

```type
for _ in range(1000):
  batch_xs, batch_ys = mnist.train.next_batch(100)
  sess.run(train_step, feed_dict={x: batch_xs, y_: batch_ys})
```

- `mnist.train.next_batch(100)` hands out the next 100 images and their
  labels.
- `feed_dict` fills the placeholders: `x` gets the images, `y_` the labels.
- `_` is the customary name for a loop counter that is never used (`i`
  works just as well).

While it runs, a line shows the step count and the current loss.

```check
trained W b
```

Hint: A `for` loop over `range(1000)`; each pass fetches a batch and runs `train_step`.
Hint: The batch goes into the placeholders through `feed_dict={x: batch_xs, y_: batch_ys}`.
Hint: See `:solution` for the three lines.

## Step: The learning curve

Every training step was recorded. Plot the loss as it fell:

```
:plot
```

It drops fast in the first hundred steps, then keeps creeping down while
jumping around, because each batch is different.

```check
ran :plot
```

Hint: The command is `:plot`.
"""#,
    "11-evaluation.md": #"""
---
id: evaluation
title: How good is it?
---

To grade the model we compare its favourite digit with the true one, on
the test images it never trained on.

## Step: Right or wrong, per image

`tf.argmax(t, 1)` gives, for each row of `t`, the position of its largest
entry. For `y` that is the digit the model finds most likely; for the
one-hot `y_` it is the true digit. `tf.equal` compares them:

```type
correct_prediction = tf.equal(tf.argmax(y,1), tf.argmax(y_,1))
```

```check
tensor correct_prediction bool [None] uses y y_ via ArgMax Equal
```

Hint: Take `tf.argmax(..., 1)` of both `y` and `y_`, then compare them with `tf.equal`.
Hint: `correct_prediction = tf.equal(tf.argmax(y,1), tf.argmax(y_,1))`

## Step: The fraction that is right

The comparison gives booleans. Cast them to numbers (True becomes 1.0,
False 0.0) and average: `[True, False, True, True]` becomes
`[1, 0, 1, 1]`, whose mean is 0.75.

```type
accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))
```

```check
tensor accuracy float32 [] uses y y_ via ArgMax Equal Cast Mean
```

Hint: `tf.cast(correct_prediction, tf.float32)` turns booleans into numbers.
Hint: `accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))`

## Step: The test score

Run it on the 10,000 test images:

```type
print(sess.run(accuracy, feed_dict={x: mnist.test.images, y_: mnist.test.labels}))
```

You should get about 0.92: roughly 92 digits right out of every 100.

```check
value $sess.run($accuracy, feed_dict={$x: $mnist.test.images, $y_: $mnist.test.labels}) > 0.9
```

Hint: Feed the test images to `x` and the test labels to `y_`.
Hint: `print(sess.run(accuracy, feed_dict={x: mnist.test.images, y_: mnist.test.labels}))`
"""#,
    "12-weights.md": #"""
---
id: weights
title: Looking inside the model
---

A softmax regression is small enough to look at. Each column of `W` holds
784 weights, one per pixel, so it can be drawn as a 28 by 28 picture.

## Step: The ten weight pictures

```
:weights
```

Blue pixels have positive weights: ink there is evidence for that digit.
Red pixels have negative weights: ink there is evidence against it. The
0 shows a blue ring around a red centre, since a stroke through the
middle argues against a zero. Look for the stroke of the 1 and the
opening of the 7. `:weights 3` enlarges one digit, with its bias.

```check
ran :weights
```

Hint: The command is `:weights`.

## Step: A prediction up close

Now that there is a trained model, `:digit` also shows its ten
probabilities for the image. Try a few test images, such as:

```
:digit test 0
```

When the model is wrong, the bars show which digits it hesitated between.

```check
ran :digit
```

Hint: Use `:digit` with the `test` pile and a number.
Hint: Type `:digit test 0`.
"""#,
    "13-draw.md": #"""
---
id: draw
title: Your own handwriting
---

Time to give the model a digit it has certainly never seen: yours.

## Step: Draw a digit

```
:draw
```

Draw with the mouse, or move with the arrow keys and press space to lift
or lower the pen. `c` clears, `u` undoes a stroke, Enter accepts. The side
panel shows what the model is given: your drawing cropped, scaled and
centred in 28 by 28 pixels, the way the MNIST digits were prepared, with
the ten probabilities updating as you draw.

```check
ran :draw
array drawn float32 [1, 784] -- Draw a digit with `:draw` and press Enter to keep it.
```

Hint: Type `:draw`, draw, then press Enter.

## Step: Classify it yourself

After Enter your digit is in the session as `drawn`, a [1, 784] array
shaped like one row of `x`. Ask the model for its answer:

```type
print(sess.run(tf.argmax(y, 1), feed_dict={x: drawn}))
```

If it guesses wrong, you are in good company: the model only knows where
ink usually falls, so thick, thin or off-centre strokes can fool it.

Replay: no
"""#,
    "14-where-next.md": #"""
---
id: where-next
title: Where next
---

You built, trained and tested a digit reader. Before moving on, a closer
look at the loss trap from lesson 7, and at what better scores take.

## Step: A loss that breaks

Take a prediction that is perfectly confident and right: label [1, 0],
probabilities [1, 0]. Its loss should be 0.

```type
bad = -tf.reduce_sum(tf.constant([[1., 0.]]) * tf.log(tf.constant([[1., 0.]])))
```

```check
tensor bad float32 [] constant via Log Mul Sum
```

Hint: Use `tf.constant` for both the label and the prediction.
Hint: `bad = -tf.reduce_sum(tf.constant([[1., 0.]]) * tf.log(tf.constant([[1., 0.]])))`

## Step: See it fail, and find where

```type
sess.run(bad)
```

The answer is `nan`, not 0. To find where, run the pieces one by one:

```
sess.run(tf.log(tf.constant([[1., 0.]])))
sess.run(tf.constant([[1., 0.]]) * tf.log(tf.constant([[1., 0.]])))
```

The log of 0 is `-inf`; then 0 times `-inf` is undefined, `nan`, and a
single `nan` spoils every sum it enters. (A wrong prediction with an exact
0 for the true class gives `inf` instead: try label [[0., 1.]].) `:graph
bad` shows the chain of operations the value flowed through. During
training one such value is enough to turn every weight into `nan`.

Replay: no

## Step: The stable loss

The fused operation works on logits, the raw evidence before softmax, and
never takes the log of a rounded 0. Evidence of 10 against -10 is about
as confident as the example above:

```type
good = tf.nn.softmax_cross_entropy_with_logits(labels=tf.constant([[1., 0.]]), logits=tf.constant([[10., -10.]]))
```

Now `sess.run(good)` is a tiny positive number instead of `nan`. For the
model, that means `y = tf.matmul(x, W) + b` and the loss
`tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=y_, logits=y))`.

```check
tensor good constant via SoftmaxCrossEntropyWithLogits
```

Hint: The operation is `tf.nn.softmax_cross_entropy_with_logits`, with `labels=` and `logits=`.
Hint: `good = tf.nn.softmax_cross_entropy_with_logits(labels=tf.constant([[1., 0.]]), logits=tf.constant([[10., -10.]]))`

## Step: Better than 92%

92% sounds fine until you count: 8 mistakes in every 100 digits, far too
many to read postcodes. Our model weighs each pixel on its own and never
sees shapes. Better scores come from giving it more to work with:

- A hidden layer of a few hundred units, with random starting weights,
  reaches about 97 to 98%.
- A convolutional network, which looks at small neighbourhoods of pixels
  and keeps the 2D layout we threw away, passes 99%; the best published
  models go beyond 99.7%.

TensorFlow's next tutorial, "Deep MNIST for Experts", builds such a
network with the same pieces you now know: placeholders, variables, a
loss, an optimizer and a session. Well done for getting this far!
"""#,
  ]
}
